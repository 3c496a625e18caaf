package io.vettify.crm.storage;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevStorageGuardTest {

    @Test
    void theDevelopmentSseKeyIsRefusedOutsideDevAndTest() {
        assertThatThrownBy(() -> DevStorageGuard.check(List.of("prod"), Optional.of("AAAA"), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vettify.storage.dev-sse-customer-key");
    }

    @Test
    void creatingTheBucketIsRefusedOutsideDevTestAndTheBenchAlone() {
        assertThatThrownBy(() -> DevStorageGuard.check(List.of("platform"), Optional.empty(), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vettify.storage.create-bucket");
        assertThatThrownBy(() -> DevStorageGuard.check(List.of("bench", "prod"), Optional.empty(), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vettify.storage.create-bucket");
        assertThatCode(() -> DevStorageGuard.check(List.of("bench"), Optional.empty(), true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> DevStorageGuard.check(List.of("bench"), Optional.of("AAAA"), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dev-sse-customer-key");
    }

    @Test
    void devAndTestMayUseBothAndProductionNeither() {
        assertThatCode(() -> DevStorageGuard.check(List.of("dev"), Optional.of("AAAA"), true)).doesNotThrowAnyException();
        assertThatCode(() -> DevStorageGuard.check(List.of("test"), Optional.of("AAAA"), true)).doesNotThrowAnyException();
        assertThatCode(() -> DevStorageGuard.check(List.of("prod"), Optional.empty(), false)).doesNotThrowAnyException();
    }
}
