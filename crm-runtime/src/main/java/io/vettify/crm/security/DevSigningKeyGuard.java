package io.vettify.crm.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start a runtime that would accept locally signed development tokens or webhooks signed with the
 * development webhook key, or sign audit exports with a generated development key, outside the dev and test
 * profiles: in any other profile tokens must come from the OIDC provider (Keycloak) and the webhook and audit
 * signing keys from the tenant's Secret.
 */
@ApplicationScoped
public class DevSigningKeyGuard {

    static final String DEV_ISSUER = "vettify-dev";
    /** Every development webhook signing key starts with this; no real key may. */
    static final String DEV_WEBHOOK_KEY_PREFIX = "dev-only-";

    void onStart(@Observes @Priority(1) StartupEvent event) {
        var config = ConfigProvider.getConfig();
        check(ConfigUtils.getProfiles(),
                config.getOptionalValue("quarkus.oidc.public-key", String.class),
                config.getOptionalValue("quarkus.oidc.token.issuer", String.class),
                config.getOptionalValue("vettify.webhooks.signing-key", String.class));
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
            Optional<String> webhookKey) {
        if (profiles.contains("dev") || profiles.contains("test")) {
            return;
        }
        if (localPublicKey.isPresent()) {
            throw new IllegalStateException("quarkus.oidc.public-key (a local signing key) is accepted only in the "
                    + "dev and test profiles; active profiles: " + profiles + ". Configure the OIDC provider instead.");
        }
        if (issuer.filter(DEV_ISSUER::equals).isPresent()) {
            throw new IllegalStateException("the development token issuer '" + DEV_ISSUER
                    + "' is accepted only in the dev and test profiles; active profiles: " + profiles);
        }
        if (webhookKey.filter(key -> key.startsWith(DEV_WEBHOOK_KEY_PREFIX)).isPresent()) {
            throw new IllegalStateException("a development webhook signing key ('" + DEV_WEBHOOK_KEY_PREFIX
                    + "…') is accepted only in the dev and test profiles; active profiles: " + profiles
                    + ". Set VETTIFY_WEBHOOK_SIGNING_KEY from the tenant's Secret.");
        }
    }
}
