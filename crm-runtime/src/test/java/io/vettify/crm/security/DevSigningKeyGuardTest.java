package io.vettify.crm.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevSigningKeyGuardTest {

    private static final Optional<String> KEY = Optional.of("MIIB...");
    private static final Optional<String> NO_WEBHOOK_KEY = Optional.empty();
    private static final Optional<String> DEV_WEBHOOK_KEY = Optional.of("dev-only-webhook-signing-key-not-for-production");

    @Test
    void aLocalSigningKeyIsRefusedOutsideDevTestAndBench() {
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("prod"), KEY, Optional.empty(), NO_WEBHOOK_KEY, "0.0.0.0"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("quarkus.oidc.public-key");
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("staging"), KEY, Optional.empty(), NO_WEBHOOK_KEY, "0.0.0.0"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDevIssuerIsRefusedOutsideDevAndTest() {
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("prod"), Optional.empty(), Optional.of("vettify-dev"), NO_WEBHOOK_KEY, "0.0.0.0"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vettify-dev");
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("bench"), KEY, Optional.of("vettify-dev"), NO_WEBHOOK_KEY, "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vettify-bench");
    }

    @Test
    void theBenchmarkIssuerIsAcceptedInTheBenchProfileAloneOnLoopbackOnly() {
        assertThatCode(() -> DevSigningKeyGuard.check(List.of("bench"), KEY, Optional.of("vettify-bench"), NO_WEBHOOK_KEY, "127.0.0.1"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("bench"), KEY, Optional.of("vettify-bench"), NO_WEBHOOK_KEY, "0.0.0.0"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("prod"), KEY, Optional.of("vettify-bench"), NO_WEBHOOK_KEY, "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("prod"), Optional.empty(), Optional.of("vettify-bench"), NO_WEBHOOK_KEY, "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vettify-bench");
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("bench", "prod"), KEY, Optional.of("vettify-bench"), NO_WEBHOOK_KEY, "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("bench"), KEY, Optional.of("vettify-bench"), DEV_WEBHOOK_KEY, "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("VETTIFY_WEBHOOK_SIGNING_KEY");
    }

    @Test
    void devAndTestMayUseTheLocalKeysAndProductionItsOidcProvider() {
        assertThatCode(() -> DevSigningKeyGuard.check(List.of("dev"), KEY, Optional.of("vettify-dev"), DEV_WEBHOOK_KEY, "0.0.0.0"))
                .doesNotThrowAnyException();
        assertThatCode(() -> DevSigningKeyGuard.check(List.of("test"), KEY, Optional.of("vettify-dev"), DEV_WEBHOOK_KEY, "0.0.0.0"))
                .doesNotThrowAnyException();
        assertThatCode(() -> DevSigningKeyGuard.check(List.of("prod"), Optional.empty(),
                Optional.of("https://keycloak.example/realms/vettify"),
                Optional.of("a-real-key-from-the-tenant-secret-0123456789"), "0.0.0.0")).doesNotThrowAnyException();
    }

    @Test
    void theDevWebhookKeyIsRefusedOutsideDevAndTest() {
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("prod"), Optional.empty(), Optional.empty(),
                DEV_WEBHOOK_KEY, "0.0.0.0")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("VETTIFY_WEBHOOK_SIGNING_KEY");
    }

    @Test
    void theDevelopmentAuditKeyIsRefusedOutsideDevAndTest() {
        assertThatThrownBy(() -> DevSigningKeyGuard.checkAuditDevKey(List.of("prod"),
                Optional.of("/state/dev-keys/dev-only-audit-signing-key.pem")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vettify.audit.dev-key-file");
        assertThatCode(() -> DevSigningKeyGuard.checkAuditDevKey(List.of("dev"),
                Optional.of("/state/dev-keys/dev-only-audit-signing-key.pem"))).doesNotThrowAnyException();
        assertThatCode(() -> DevSigningKeyGuard.checkAuditDevKey(List.of("prod"), Optional.empty()))
                .doesNotThrowAnyException();
    }
}
