package io.vettify.crm.storage;

import io.minio.ServerSideEncryptionCustomerKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SSE-C keys: one per object, derived from the tenant's key with HKDF-SHA256 (RFC 5869), the object key as the
 * {@code info}. The object store only ever sees per-object keys, so a key it leaks (in a log, a trace, a memory dump)
 * opens that one object, never the tenant's others; nothing has to be stored to find a key again. Rotating the tenant
 * key means re-encrypting the objects (S3 CopyObject with the old and the new key).
 */
public final class SseKeys {

    private static final String HMAC = "HmacSHA256";
    /** A fixed salt: domain separation from any other use of the tenant key (RFC 5869 §3.1). */
    private static final byte[] SALT = "vettify/sse-c/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_BYTES = 32;

    private final byte[] tenantKey;

    private SseKeys(byte[] tenantKey) {
        this.tenantKey = tenantKey;
    }

    /** From the base64 of a 256-bit key; anything else is refused, naming the setting but never its value. */
    public static SseKeys fromBase64(String tenantKey, String setting) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(tenantKey.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(setting + " must be 32 bytes (256 bits) in base64, not " + key.length);
        }
        return new SseKeys(key);
    }

    /** The SSE-C key of one object. */
    public ServerSideEncryptionCustomerKey forObject(String objectKey) {
        try {
            return new ServerSideEncryptionCustomerKey(new SecretKeySpec(derive(objectKey), "AES"));
        } catch (InvalidKeyException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot make an SSE-C key", e);
        }
    }

    byte[] derive(String objectKey) {
        return hkdf(SALT, tenantKey, objectKey.getBytes(StandardCharsets.UTF_8));
    }

    /** HKDF-SHA256 with an output of one block, 32 bytes: T(1) = HMAC(PRK, info || 0x01), PRK = HMAC(salt, IKM). */
    static byte[] hkdf(byte[] salt, byte[] inputKey, byte[] info) {
        byte[] input = Arrays.copyOf(info, info.length + 1);
        input[info.length] = 1;
        return hmac(hmac(salt, inputKey), input);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
