package io.vettify.operator.testing;

import io.vettify.platform.testing.LocalPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The local services of {@code scripts/local-services.sh} (started once per JVM): PostgreSQL's port and superuser. */
public record LocalServices(String pgPort, String pgSuperuserPassword) {

    private static LocalServices services;

    /** Runs {@code scripts/local-services.sh up} (idempotent), then reads its {@code env}. */
    public static synchronized LocalServices get() {
        if (services == null) {
            var script = LocalPlatform.repoRoot().resolve("scripts/local-services.sh").toString();
            run(script, "up");
            var values = new HashMap<String, String>();
            for (var line : run(script, "env").split("\n")) {
                var assignment = line.replaceFirst("^export ", "");
                int eq = assignment.indexOf('=');
                if (eq > 0) {
                    values.put(assignment.substring(0, eq), assignment.substring(eq + 1));
                }
            }
            services = new LocalServices(required(values, "VETTIFY_PG_PORT"),
                    required(values, "VETTIFY_PG_SUPERUSER_PASSWORD"));
        }
        return services;
    }

    private static String required(Map<String, String> values, String name) {
        var value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("scripts/local-services.sh env printed no " + name);
        }
        return value;
    }

    private static String run(String script, String command) {
        try {
            // Output to a file, not a pipe: reading a pipe would wait for a hung script beyond the timeout.
            var output = Files.createTempFile("local-services-", ".out");
            try {
                var process = new ProcessBuilder("bash", script, command).redirectOutput(output.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(script + " " + command + " did not finish within 5 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(script + " " + command + " failed: exit " + process.exitValue());
                }
                return Files.readString(output, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + " " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
