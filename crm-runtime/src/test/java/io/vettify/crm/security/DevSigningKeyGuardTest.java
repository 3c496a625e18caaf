package io.vettify.crm.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevSigningKeyGuardTest {

    @Test
    void aLocalSigningKeyIsRefusedOutsideDevAndTest() {
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("prod"), Optional.of("MIIB..."), Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("quarkus.oidc.public-key");
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("staging"), Optional.of("MIIB..."), Optional.empty()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDevIssuerIsRefusedOutsideDevAndTest() {
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("prod"), Optional.empty(), Optional.of("vettify-dev")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vettify-dev");
    }

    @Test
    void devAndTestMayUseTheLocalKeyAndProductionItsOidcProvider() {
        assertThatCode(() -> DevSigningKeyGuard.check(List.of("dev"), Optional.of("MIIB..."), Optional.of("vettify-dev")))
                .doesNotThrowAnyException();
        assertThatCode(() -> DevSigningKeyGuard.check(List.of("test"), Optional.of("MIIB..."), Optional.of("vettify-dev")))
                .doesNotThrowAnyException();
        assertThatCode(() -> DevSigningKeyGuard.check(List.of("prod"), Optional.empty(),
                Optional.of("https://keycloak.example/realms/vettify"))).doesNotThrowAnyException();
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
