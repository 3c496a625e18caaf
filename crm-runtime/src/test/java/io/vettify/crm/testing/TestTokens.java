package io.vettify.crm.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/** Signs test tokens with a key made for this test run; the runtime trusts its public key in the test profile. */
public final class TestTokens {

    public static final String ISSUER = "vettify-dev";
    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** A valid one-hour token of {@code tid} (optionally of a warehouse) with the given scopes. */
    public static String token(String tid, String whid, String... scopes) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject("user-of-" + tid).claim("tid", tid)
                .claim("scope", String.join(" ", scopes)).expiresIn(3600);
        if (whid != null) {
            claims.claim("whid", whid);
        }
        return claims.jws().keyId("test").sign(KEYS.getPrivate());
    }

    public static String expiredToken(String tid, String... scopes) {
        return Jwt.issuer(ISSUER).subject("user-of-" + tid).claim("tid", tid).claim("scope", String.join(" ", scopes))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
                .jws().sign(KEYS.getPrivate());
    }

    public static String tokenWithoutTenant(String... scopes) {
        return Jwt.issuer(ISSUER).subject("nobody").claim("scope", String.join(" ", scopes)).expiresIn(3600)
                .jws().sign(KEYS.getPrivate());
    }

    /** Signed by a key the runtime does not trust. */
    public static String foreignlySignedToken(String tid, String... scopes) {
        return Jwt.issuer(ISSUER).subject("mallory").claim("tid", tid).claim("scope", String.join(" ", scopes))
                .expiresIn(3600).jws().sign(generate().getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
