package io.vettify.crm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vettify.crm.common.api.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The configured key as openssl makes it: its public half is openssl's, other curves and garbage stop the start. */
class AuditSigningKeyTest {

    @Test
    void theDerivedPublicKeyIsTheOneOpensslDerives() throws Exception {
        Path dir = Files.createTempDirectory("audit-key");
        Path key = dir.resolve("key.pem");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key.toString());
        String expectedPublic = openssl("pkey", "-in", key.toString(), "-pubout");

        AuditSigningKey signingKey = new AuditSigningKey(Optional.of(Files.readString(key)), Optional.empty());
        signingKey.onStart(null);

        assertThat(signingKey.publicKeyPem()).isEqualTo(expectedPublic);
    }

    @Test
    void anotherCurveOrNoPemStopsTheStart() throws Exception {
        Path key = Files.createTempDirectory("audit-key").resolve("p384.pem");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", key.toString());
        assertThatThrownBy(() -> new AuditSigningKey(Optional.of(Files.readString(key)), Optional.empty()).onStart(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("P-256");
        assertThatThrownBy(() -> new AuditSigningKey(Optional.of("not a key"), Optional.empty()).onStart(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PKCS#8");
    }

    @Test
    void withoutAKeySigningIsUnavailable() {
        AuditSigningKey none = new AuditSigningKey(Optional.empty(), Optional.empty());
        none.onStart(null);
        assertThatThrownBy(none::signer).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().status()).isEqualTo(503));
    }

    @Test
    void theDevelopmentKeyIsGeneratedOnceAndKept() throws Exception {
        Path file = Files.createTempDirectory("audit-key").resolve("dev-keys/dev-only-audit-signing-key.pem");
        AuditSigningKey first = new AuditSigningKey(Optional.empty(), Optional.of(file));
        first.onStart(null);
        AuditSigningKey second = new AuditSigningKey(Optional.empty(), Optional.of(file));
        second.onStart(null);
        assertThat(second.publicKeyPem()).isEqualTo(first.publicKeyPem());
        assertThat(Files.getPosixFilePermissions(file)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    private static String openssl(String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = "openssl";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
