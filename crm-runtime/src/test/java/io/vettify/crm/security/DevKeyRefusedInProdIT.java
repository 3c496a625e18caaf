package io.vettify.crm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vettify.crm.testing.LocalServicesResource;
import io.vettify.crm.testing.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged runtime, started in the prod profile with a local signing key and the benchmark-only issuer
 * configured (what `./vettify bench` gives the bench profile), refuses to start:
 * a development key is never accepted outside dev and test.
 */
class DevKeyRefusedInProdIT {

    @Test
    void theProdProfileRefusesALocalSigningKey() throws IOException, InterruptedException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).exists();
        Path log = Files.createTempFile("prod-refusal", ".log");
        Process runtime = new ProcessBuilder("java", "-Dquarkus.profile=prod", "-Dquarkus.http.port=0",
                "-Dquarkus.oidc.public-key=" + TestTokens.publicKeyBase64(), "-Dquarkus.oidc.token.issuer=vettify-bench",
                "-Dquarkus.datasource.jdbc.url=" + LocalServicesResource.jdbcUrl(),
                "-Dquarkus.datasource.username=vettify_app",
                "-Dquarkus.datasource.password=" + LocalServicesResource.password("vettify_app"),
                "-Dquarkus.flyway.placeholders.appRole=vettify_app",
                "-Dquarkus.oidc.auth-server-url=http://127.0.0.1:9/realms/unused",
                "-Drabbitmq-host=127.0.0.1", "-Drabbitmq-username=guest", "-Drabbitmq-password=guest",
                "-Dvettify.storage.endpoint=https://127.0.0.1:9", "-Dvettify.storage.bucket=unused",
                "-Dvettify.storage.access-key=unused", "-Dvettify.storage.secret-key=unused",
                "-Dvettify.storage.sse-customer-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                "-Dquarkus.redis.hosts=redis://127.0.0.1:9",
                "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(runtime.waitFor(90, TimeUnit.SECONDS)).as("the runtime exits by itself").isTrue();
            assertThat(runtime.exitValue()).isNotZero();
            assertThat(Files.readString(log, StandardCharsets.UTF_8))
                    .contains("quarkus.oidc.public-key (a local signing key) is accepted only in the dev and test profiles");
        } finally {
            runtime.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
