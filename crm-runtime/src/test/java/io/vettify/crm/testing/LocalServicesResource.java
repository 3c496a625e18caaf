package io.vettify.crm.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Gives the tests the real local services through the project's one mechanism, {@code scripts/local-services.sh}
 * (idempotent: it starts only what is not running), and a fresh signing key for test tokens.
 */
public class LocalServicesResource implements QuarkusTestResourceLifecycleManager {

    private static Map<String, String> environment;

    @Override
    public Map<String, String> start() {
        Map<String, String> env = services();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.password", env.get("VETTIFY_DB_APP_PASSWORD"));
        config.put("vettify.schema.owner.password", env.get("VETTIFY_DB_OWNER_PASSWORD"));
        config.put("quarkus.oidc.public-key", TestTokens.publicKeyBase64());
        config.put("rabbitmq-port", env.get("VETTIFY_AMQP_PORT"));
        return config;
    }

    @Override
    public void stop() {
        // The services are shared by every test run and stopped by `./vettify down`.
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + services().get("VETTIFY_PG_PORT") + "/vettify_test";
    }

    public static int amqpPort() {
        return Integer.parseInt(services().get("VETTIFY_AMQP_PORT"));
    }

    /** The password of a database role the local services created (postgres, vettify_owner or vettify_app). */
    public static String password(String role) {
        return services().get(switch (role) {
            case "postgres" -> "VETTIFY_PG_SUPERUSER_PASSWORD";
            case "vettify_owner" -> "VETTIFY_DB_OWNER_PASSWORD";
            case "vettify_app" -> "VETTIFY_DB_APP_PASSWORD";
            default -> throw new IllegalArgumentException(role);
        });
    }

    static synchronized Map<String, String> services() {
        if (environment == null) {
            Path script = repositoryRoot().resolve("scripts/local-services.sh");
            run(script, "up");
            environment = parse(run(script, "env"));
        }
        return environment;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("scripts/local-services.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("scripts/local-services.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String run(Path script, String command) {
        try {
            Process process = new ProcessBuilder("bash", script.toString(), command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(script + " " + command + " failed");
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parse(String exports) {
        Map<String, String> values = new HashMap<>();
        for (String line : exports.split("\n")) {
            String assignment = line.replaceFirst("^export ", "");
            int eq = assignment.indexOf('=');
            if (eq > 0) {
                values.put(assignment.substring(0, eq), assignment.substring(eq + 1));
            }
        }
        return values;
    }
}
