package io.vettify.crm.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevSigningKeyGuardTest {

    private static final Optional<String> NO_WEBHOOK_KEY = Optional.empty();
    private static final Optional<String> DEV_WEBHOOK_KEY = Optional.of("dev-only-webhook-signing-key-not-for-production");

    @Test
    void aLocalSigningKeyIsRefusedOutsideDevAndTest() {
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("prod"), Optional.of("MIIB..."), Optional.empty(), NO_WEBHOOK_KEY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("quarkus.oidc.public-key");
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("staging"), Optional.of("MIIB..."), Optional.empty(), NO_WEBHOOK_KEY))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDevIssuerIsRefusedOutsideDevAndTest() {
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("prod"), Optional.empty(), Optional.of("vettify-dev"), NO_WEBHOOK_KEY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vettify-dev");
    }

    @Test
    void devAndTestMayUseTheLocalKeyAndProductionItsOidcProvider() {
        assertThatCode(() -> DevSigningKeyGuard.check(List.of("dev"), Optional.of("MIIB..."), Optional.of("vettify-dev"), DEV_WEBHOOK_KEY))
                .doesNotThrowAnyException();
        assertThatCode(() -> DevSigningKeyGuard.check(List.of("test"), Optional.of("MIIB..."), Optional.of("vettify-dev"), DEV_WEBHOOK_KEY))
                .doesNotThrowAnyException();
        assertThatCode(() -> DevSigningKeyGuard.check(List.of("prod"), Optional.empty(),
                Optional.of("https://keycloak.example/realms/vettify"), Optional.of("a-real-key-from-the-tenant-secret-0123456789")))
                .doesNotThrowAnyException();
    }

    @Test
    void theDevWebhookKeyIsRefusedOutsideDevAndTest() {
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("prod"), Optional.empty(), Optional.empty(),
                DEV_WEBHOOK_KEY)).isInstanceOf(IllegalStateException.class)
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
