package io.vettify.crm.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SseKeysTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void hkdfMatchesRfc5869TestCase1() {
        byte[] okm = SseKeys.hkdf(HEX.parseHex("000102030405060708090a0b0c"),
                HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"));
        // The first 32 of the test case's 42 output bytes.
        assertThat(HEX.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf");
    }

    @Test
    void eachObjectHasItsOwnKeyAndTheSameObjectAlwaysTheSameOne() {
        SseKeys keys = SseKeys.fromBase64(Base64.getEncoder().encodeToString(new byte[32]), "key");
        assertThat(keys.derive("acme/attachments/1")).hasSize(32).isEqualTo(keys.derive("acme/attachments/1"))
                .isNotEqualTo(keys.derive("acme/attachments/2"));
        SseKeys other = SseKeys.fromBase64(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
            11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}), "key");
        assertThat(other.derive("acme/attachments/1")).isNotEqualTo(keys.derive("acme/attachments/1"));
    }

    @Test
    void onlyA256BitBase64KeyIsAcceptedAndItsValueIsNeverShown() {
        assertThatThrownBy(() -> SseKeys.fromBase64("not base64!", "VETTIFY_SSE_CUSTOMER_KEY"))
                .hasMessage("VETTIFY_SSE_CUSTOMER_KEY is not base64");
        assertThatThrownBy(() -> SseKeys.fromBase64(Base64.getEncoder().encodeToString(new byte[16]), "K"))
                .hasMessageContaining("32 bytes").hasMessageContaining("not 16");
    }
}
