package io.vettify.crm.gdpr;

import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GDPR rights of one person, identified by email (PRODUCT.md B15). See docs/gdpr.md. */
@Path("/v1/crm/gdpr/persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "gdpr")
public class GdprResource {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private final GdprService service;

    public GdprResource(GdprService service) {
        this.service = service;
    }

    @GET
    @Path("export")
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Everything held about the person with this email, as JSON (access request)")
    public PersonExport export(@QueryParam("email") String email) {
        if (email == null || email.length() > 320 || !EMAIL.matcher(email.trim()).matches()) {
            throw ProblemException.invalid("email", "must be the person's email address");
        }
        return service.export(email);
    }

    @POST
    @Path("erase")
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Anonymises every row about the person with this email (erasure request); confirm must be true")
    public Erasure erase(@Valid @NotNull EraseRequest request) {
        return service.erase(request.email());
    }
}
