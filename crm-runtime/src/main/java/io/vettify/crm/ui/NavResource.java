package io.vettify.crm.ui;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vettify.crm.security.Scopes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The web UI's navigation manifest, limited to what the caller's scopes allow. */
@Path("/v1/admin/nav")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class NavResource {

    /** The menu in display order; the SPA keeps the same list as its fallback (src/main/webui/src/nav.ts). */
    static final List<NavItem> MANIFEST = List.of(
            new NavItem("/", "nav.dashboard", Scopes.READ),
            new NavItem("/leads", "nav.leads", Scopes.READ),
            new NavItem("/opportunities", "nav.opportunities", Scopes.READ),
            new NavItem("/accounts", "nav.accounts", Scopes.READ),
            new NavItem("/campaigns", "nav.campaigns", Scopes.READ));

    private final SecurityIdentity identity;

    public NavResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    public record Nav(List<NavItem> items) {
    }

    @GET
    @Authenticated
    @Operation(summary = "The web UI's navigation items the caller's scopes allow")
    public Nav nav() {
        return new Nav(MANIFEST.stream().filter(item -> identity.hasRole(item.scope())).toList());
    }
}
