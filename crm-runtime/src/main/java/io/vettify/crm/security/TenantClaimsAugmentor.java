package io.vettify.crm.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vettify.crm.observability.MetricsConfiguration;
import io.vettify.crm.tenancy.TenantContext;
import io.vettify.crm.tenancy.TenantIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the tenant claims of a verified token. A token without a valid {@code tid} is not a Vettify token (401).
 * On a runtime pinned to one tenant, a token of another tenant keeps its identity but loses every scope, so
 * every route answers 403 and the reason is kept for the error response.
 */
@ApplicationScoped
public class TenantClaimsAugmentor implements SecurityIdentityAugmentor {

    public static final String DENIAL_ATTRIBUTE = "vettify.denial";

    private final Optional<String> pinnedTenant;

    public TenantClaimsAugmentor(@ConfigProperty(name = "vettify.tenant.id") Optional<String> pinnedTenant) {
        this.pinnedTenant = pinnedTenant;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String tid = claim(token, "tid");
        if (!TenantIds.isValidTenantId(tid)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the token has no valid tid claim"));
        }
        String whid = claim(token, "whid");
        if (whid != null && !TenantIds.isValidWarehouseId(whid)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the token's whid claim is malformed"));
        }
        if (pinnedTenant.isPresent() && !pinnedTenant.get().equals(tid)) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(identity.getPrincipal())
                    .addCredentials(identity.getCredentials())
                    .addAttribute(DENIAL_ATTRIBUTE, "this runtime serves another tenant")
                    .build());
        }
        MetricsConfiguration.recordTenant(tid);
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(TenantContext.TID_ATTRIBUTE, tid);
        if (whid != null) {
            builder.addAttribute(TenantContext.WHID_ATTRIBUTE, whid);
        }
        return Uni.createFrom().item(builder.build());
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return null;
        }
        String text = value instanceof jakarta.json.JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? null : text;
    }
}
