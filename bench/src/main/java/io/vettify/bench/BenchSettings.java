package io.vettify.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one benchmark run uses, from system properties {@code bench.*} (set by {@code ./vettify bench api}); the
 * defaults are the full run, {@code --quick} passes smaller ones.
 */
public record BenchSettings(
        String baseUrl,
        long runtimePid,
        Path signingKey,
        Path outputDir,
        String jdbcUrl,
        String ownerPassword,
        String appPassword,
        String superuserPassword,
        int tenants,
        int leadsPerTenant,
        int accountsPerTenant,
        int opportunitiesPerTenant,
        int users,
        Duration duration,
        int mixedUsers,
        int sloUsers,
        Duration flowDuration,
        Duration thinkMin,
        Duration thinkMax) {

    public static final String[] WAREHOUSES = {"wh-1", "wh-2"};

    public BenchSettings {
        if (leadsPerTenant < 10 || leadsPerTenant % 10 != 0) {
            // leads with n % 10 = 0 or 1 are seeded into the two warehouses; the scenarios pick from whole tens
            throw new IllegalArgumentException("bench.leadsPerTenant must be a multiple of 10, got " + leadsPerTenant);
        }
    }

    public static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                property("bench.baseUrl", "http://127.0.0.1:8080"),
                Long.parseLong(property("bench.runtimePid", "0")),
                Path.of(property("bench.signingKey", ".vettify/bench-keys/bench-only-signing-key.pem")),
                Path.of(property("bench.outputDir", "target/bench")),
                property("bench.jdbcUrl", "jdbc:postgresql://127.0.0.1:15432/vettify_bench"),
                // passwords from the environment of scripts/local-services.sh env, never on a command line
                environment("VETTIFY_DB_OWNER_PASSWORD"),
                environment("VETTIFY_DB_APP_PASSWORD"),
                environment("VETTIFY_PG_SUPERUSER_PASSWORD"),
                integer("bench.tenants", 100),
                integer("bench.leadsPerTenant", 10_000),
                integer("bench.accountsPerTenant", 1_000),
                integer("bench.opportunitiesPerTenant", 1_000),
                integer("bench.users", 32),
                Duration.ofSeconds(integer("bench.durationSeconds", 30)),
                integer("bench.mixedUsers", 100),
                integer("bench.sloUsers", 1_000),
                Duration.ofSeconds(integer("bench.flowDurationSeconds", 60)),
                Duration.ofMillis(integer("bench.thinkMinMillis", 1_000)),
                Duration.ofMillis(integer("bench.thinkMaxMillis", 3_000)));
    }

    public static String tenant(int index) {
        return "bench-%03d".formatted(index);
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String environment(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }

    private static int integer(String name, int fallback) {
        return Integer.parseInt(property(name, String.valueOf(fallback)));
    }
}
