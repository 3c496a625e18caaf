package io.vettify.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bearer tokens of the benchmark-only issuer {@code vettify-bench}, signed with the key {@code ./vettify bench}
 * generated: only a runtime in the bench profile accepts them (DevSigningKeyGuard).
 */
public final class BenchTokens {

    public static final String ISSUER = "vettify-bench";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;

    public BenchTokens(Path pkcs8Pem) {
        try {
            String pem = Files.readString(pkcs8Pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the benchmark signing key " + pkcs8Pem, e);
        }
    }

    /** A token of the tenant (and warehouse, when not null) with scopes crm/read and crm/write, valid for hours. */
    public String token(String tenant, String warehouse) {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"vettify-bench\"}";
        String payload = "{\"iss\":\"%s\",\"sub\":\"bench-user@%s\",\"tid\":\"%s\",%s\"scope\":\"crm/read crm/write\",\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}"
                .formatted(ISSUER, tenant, tenant, warehouse == null ? "" : "\"whid\":\"" + warehouse + "\",", now,
                        now + 6 * 3600, HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
        String input = encode(header) + "." + encode(payload);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
