package io.vettify.operator.secrets;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.vettify.operator.tenant.VettifyTenant;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * A Secret the operator writes for a tenant, labelled as its own (the informers of these Secrets select on
 * {@link #SELECTOR}). Random values are generated once and then read back from the existing Secret, so every
 * reconciliation, and every operator replica, writes the same ones.
 */
public final class GeneratedSecret {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String OPERATOR = "vettify-operator";
    public static final String SELECTOR = MANAGED_BY + "=" + OPERATOR;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretBuilder builder;
    private final Map<String, String> existing;

    private GeneratedSecret(VettifyTenant tenant, String name, Optional<Secret> existing) {
        this.builder = new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(tenant.getMetadata().getNamespace())
                .addToLabels(MANAGED_BY, OPERATOR)
                .addToLabels("vettify.io/tenant", tenant.getSpec().tenantId)
                .endMetadata()
                .withType("Opaque");
        this.existing = existing.map(Secret::getData).orElse(Map.of());
    }

    /** A Secret named {@code name} in the tenant's namespace; {@code existing} is its current state, if any. */
    public static GeneratedSecret of(VettifyTenant tenant, String name, Optional<Secret> existing) {
        return new GeneratedSecret(tenant, name, existing);
    }

    /** Sets {@code key} to {@code value}. */
    public GeneratedSecret with(String key, String value) {
        builder.addToData(key, encode(value));
        return this;
    }

    /** Keeps the value {@code key} has, or generates one of {@code bytes} random bytes, base64url without padding. */
    public GeneratedSecret withGenerated(String key, int bytes) {
        var kept = existing.get(key);
        builder.addToData(key, kept != null ? kept : encode(random(bytes)));
        return this;
    }

    public Secret build() {
        return builder.build();
    }

    private static String random(int bytes) {
        var value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
