package io.vettify.crm.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevSigningKeyGuardTest {

    private static final Optional<String> KEY = Optional.of("MIIB...");

    @Test
    void aLocalSigningKeyIsRefusedOutsideDevTestAndBench() {
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("prod"), KEY, Optional.empty(), "0.0.0.0"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("quarkus.oidc.public-key");
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("staging"), KEY, Optional.empty(), "0.0.0.0"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDevIssuerIsRefusedOutsideDevAndTest() {
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("prod"), Optional.empty(), Optional.of("vettify-dev"), "0.0.0.0"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vettify-dev");
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("bench"), KEY, Optional.of("vettify-dev"), "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vettify-bench");
    }

    @Test
    void theBenchmarkIssuerIsAcceptedInTheBenchProfileAloneOnLoopbackOnly() {
        assertThatCode(() -> DevSigningKeyGuard.check(List.of("bench"), KEY, Optional.of("vettify-bench"), "127.0.0.1"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("bench"), KEY, Optional.of("vettify-bench"), "0.0.0.0"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("prod"), KEY, Optional.of("vettify-bench"), "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("prod"), Optional.empty(), Optional.of("vettify-bench"), "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vettify-bench");
        assertThatThrownBy(() -> DevSigningKeyGuard.check(List.of("bench", "prod"), KEY, Optional.of("vettify-bench"), "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void devAndTestMayUseTheLocalKeyAndProductionItsOidcProvider() {
        assertThatCode(() -> DevSigningKeyGuard.check(List.of("dev"), KEY, Optional.of("vettify-dev"), "0.0.0.0"))
                .doesNotThrowAnyException();
        assertThatCode(() -> DevSigningKeyGuard.check(List.of("test"), KEY, Optional.of("vettify-dev"), "0.0.0.0"))
                .doesNotThrowAnyException();
        assertThatCode(() -> DevSigningKeyGuard.check(List.of("prod"), Optional.empty(),
                Optional.of("https://keycloak.example/realms/vettify"), "0.0.0.0")).doesNotThrowAnyException();
    }
}
