package io.vettify.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local PostgreSQL 17, RabbitMQ and Redis through the project's one mechanism, {@code scripts/local-services.sh}
 * (idempotent: it starts only what is not running), and Keycloak for the tests that need it. Started once per JVM;
 * stopped by {@code ./vettify down}.
 */
public final class LocalServices {

    private static Map<String, String> environment;
    private static boolean keycloakStarted;

    private LocalServices() {
    }

    /** The variables {@code scripts/local-services.sh env} prints (ports and generated passwords). */
    public static synchronized Map<String, String> env() {
        if (environment == null) {
            run("up");
            environment = parse(run("env"));
        }
        return environment;
    }

    /** Starts the local Keycloak (realm vettify, demo users) unless it runs, and waits for its realm to answer. */
    public static synchronized void ensureKeycloak() {
        if (!keycloakStarted) {
            run("keycloak", "up");
            keycloakStarted = true;
        }
    }

    /** The local Keycloak's base URL (http://localhost:PORT): its issuer is {@code keycloakUrl() + "/realms/vettify"}. */
    public static String keycloakUrl() {
        return env().get("VETTIFY_KEYCLOAK_URL");
    }

    public static int pgPort() {
        return Integer.parseInt(env().get("VETTIFY_PG_PORT"));
    }

    public static int amqpPort() {
        return Integer.parseInt(env().get("VETTIFY_AMQP_PORT"));
    }

    public static int redisPort() {
        return Integer.parseInt(env().get("VETTIFY_REDIS_PORT"));
    }

    /** The password of a database role the local services created (postgres, vettify_owner or vettify_app). */
    public static String password(String role) {
        return env().get(switch (role) {
            case "postgres" -> "VETTIFY_PG_SUPERUSER_PASSWORD";
            case "vettify_owner" -> "VETTIFY_DB_OWNER_PASSWORD";
            case "vettify_app" -> "VETTIFY_DB_APP_PASSWORD";
            default -> throw new IllegalArgumentException("no local role " + role);
        });
    }

    private static String run(String... command) {
        var script = LocalPlatform.repoRoot().resolve("scripts/local-services.sh");
        var commandLine = new ArrayList<>(List.of("bash", script.toString()));
        commandLine.addAll(List.of(command));
        try {
            var builder = new ProcessBuilder(commandLine)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("VETTIFY_STATE", LocalPlatform.stateDir().toString());
            var process = builder.start();
            process.getOutputStream().close();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(script + " " + String.join(" ", command) + " failed");
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parse(String exports) {
        var values = new HashMap<String, String>();
        for (var line : exports.split("\n")) {
            var assignment = line.replaceFirst("^export ", "");
            int eq = assignment.indexOf('=');
            if (eq > 0) {
                values.put(assignment.substring(0, eq), assignment.substring(eq + 1));
            }
        }
        return values;
    }
}
