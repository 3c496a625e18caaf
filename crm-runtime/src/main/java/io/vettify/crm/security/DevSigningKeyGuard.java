package io.vettify.crm.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start a runtime that would accept locally signed tokens, webhooks signed with the development webhook
 * key, or sign audit exports with a generated development key where it must not: the dev and test profiles may use
 * the development keys; the bench profile (alone, listening on loopback only) may use the benchmark-only token
 * issuer; every other profile, prod included, takes tokens from the OIDC provider (Keycloak) only and the webhook
 * and audit signing keys from the tenant's Secret.
 */
@ApplicationScoped
public class DevSigningKeyGuard {

    static final String DEV_ISSUER = "vettify-dev";
    static final String BENCH_ISSUER = "vettify-bench";
    /** Every development webhook signing key starts with this; no real key may. */
    static final String DEV_WEBHOOK_KEY_PREFIX = "dev-only-";
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");

    void onStart(@Observes @Priority(1) StartupEvent event) {
        var config = ConfigProvider.getConfig();
        check(ConfigUtils.getProfiles(),
                config.getOptionalValue("quarkus.oidc.public-key", String.class),
                config.getOptionalValue("quarkus.oidc.token.issuer", String.class),
                config.getOptionalValue("vettify.webhooks.signing-key", String.class),
                config.getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0"));
        checkAuditDevKey(ConfigUtils.getProfiles(), config.getOptionalValue("vettify.audit.dev-key-file", String.class));
    }

    static void checkAuditDevKey(List<String> profiles, Optional<String> devKeyFile) {
        if (devKeyFile.isPresent() && !profiles.contains("dev") && !profiles.contains("test")) {
            throw new IllegalStateException("vettify.audit.dev-key-file (a generated development audit signing key) "
                    + "is accepted only in the dev and test profiles; active profiles: " + profiles
                    + ". Configure VETTIFY_AUDIT_SIGNING_KEY instead.");
        }
    }

    static void check(List<String> profiles, Optional<String> localPublicKey, Optional<String> issuer,
            Optional<String> webhookKey, String httpHost) {
        if (profiles.contains("dev") || profiles.contains("test")) {
            return;
        }
        if (List.of("bench").equals(profiles)) {
            if (!issuer.filter(BENCH_ISSUER::equals).isPresent()) {
                throw new IllegalStateException("the bench profile accepts only the benchmark-only token issuer '"
                        + BENCH_ISSUER + "'");
            }
            if (!LOOPBACK.contains(httpHost)) {
                throw new IllegalStateException("the bench profile listens on loopback only, not on " + httpHost);
            }
        } else {
            if (localPublicKey.isPresent()) {
                throw new IllegalStateException("quarkus.oidc.public-key (a local signing key) is accepted only in "
                        + "the dev and test profiles; active profiles: " + profiles
                        + ". Configure the OIDC provider instead.");
            }
            if (issuer.filter(i -> DEV_ISSUER.equals(i) || BENCH_ISSUER.equals(i)).isPresent()) {
                throw new IllegalStateException("the development/benchmark token issuer '" + issuer.get()
                        + "' is accepted only in the dev, test and bench profiles; active profiles: " + profiles);
            }
        }
        if (webhookKey.filter(key -> key.startsWith(DEV_WEBHOOK_KEY_PREFIX)).isPresent()) {
            throw new IllegalStateException("a development webhook signing key ('" + DEV_WEBHOOK_KEY_PREFIX
                    + "…') is accepted only in the dev and test profiles; active profiles: " + profiles
                    + ". Set VETTIFY_WEBHOOK_SIGNING_KEY from the tenant's Secret.");
        }
    }
}
