package io.vettify.crm.security;

import io.quarkus.runtime.Startup;
import io.vettify.crm.common.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Verifies callbacks from outside that carry no bearer token (the e-mail provider's delivery webhook): the sender
 * signs {@code <timestamp>.<body>} with HMAC-SHA256 under the tenant's webhook signing key
 * ({@code VETTIFY_WEBHOOK_SIGNING_KEY}) and sends {@value #TIMESTAMP_HEADER} (Unix seconds) and
 * {@value #SIGNATURE_HEADER} ({@code sha256=<hex>}). A missing, malformed or wrong signature, or a timestamp further
 * than the tolerance from now (a replay), is 401. Without a configured key every callback is refused.
 */
@Startup
@ApplicationScoped
public class WebhookSignatures {

    public static final String TIMESTAMP_HEADER = "X-Vettify-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Vettify-Signature";
    static final String SCHEME = "sha256=";
    static final int MIN_KEY_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Logger LOG = Logger.getLogger(WebhookSignatures.class);

    private final Optional<SecretKeySpec> key;
    private final Duration tolerance;
    private final Clock clock;

    @Inject
    public WebhookSignatures(@ConfigProperty(name = "vettify.webhooks.signing-key") Optional<String> key,
            @ConfigProperty(name = "vettify.webhooks.tolerance", defaultValue = "PT5M") Duration tolerance) {
        this(key, tolerance, Clock.systemUTC());
    }

    WebhookSignatures(Optional<String> key, Duration tolerance, Clock clock) {
        if (key.isPresent() && key.get().length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("vettify.webhooks.signing-key (VETTIFY_WEBHOOK_SIGNING_KEY) must have at "
                    + "least " + MIN_KEY_LENGTH + " characters");
        }
        if (key.isEmpty()) {
            LOG.warn("no webhook signing key (VETTIFY_WEBHOOK_SIGNING_KEY): every webhook call is refused");
        }
        this.key = key.map(k -> new SecretKeySpec(k.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** @throws ProblemException 401 unless {@code body} is signed with the key, at a time within the tolerance */
    public void verify(String timestamp, String signature, byte[] body) {
        if (key.isEmpty()) {
            throw refused("webhooks are not enabled on this runtime (no signing key)");
        }
        if (timestamp == null || signature == null) {
            throw refused("the " + TIMESTAMP_HEADER + " and " + SIGNATURE_HEADER + " headers are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw refused(TIMESTAMP_HEADER + " must be Unix seconds");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            throw refused("the signature's timestamp is more than " + tolerance.toSeconds() + " s from now");
        }
        byte[] presented;
        try {
            presented = signature.startsWith(SCHEME) ? HexFormat.of().parseHex(signature.substring(SCHEME.length()))
                    : null;
        } catch (IllegalArgumentException e) {
            presented = null;
        }
        if (presented == null || !MessageDigest.isEqual(presented, sign(key.get(), seconds, body))) {
            throw refused("the signature does not match the body");
        }
    }

    /** The signature of {@code body} at {@code timestamp} (Unix seconds), as the sender computes it. */
    public static String signature(String key, long timestamp, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(
                sign(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM), timestamp, body));
    }

    private static byte[] sign(SecretKeySpec key, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static ProblemException refused(String detail) {
        return ProblemException.unauthenticated(detail);
    }
}
