package io.vettify.crm.audit;

import io.vettify.crm.common.api.QueryParams;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The audit trail (PRODUCT.md B11): the signed CSV export, its detached signature, the public key that verifies
 * it, and the verification of the hash chain. See docs/audit.md.
 */
@Path("/v1/crm/audit")
@Tag(name = "audit")
public class AuditResource {

    public static final String TEXT_CSV = "text/csv";
    /** The last seq an export holds; ask the signature for the same value. */
    public static final String UNTIL_SEQ_HEADER = "Vettify-Audit-Until-Seq";

    private final AuditService service;
    private final AuditSigningKey signingKey;
    private final TenantContext tenant;

    public AuditResource(AuditService service, AuditSigningKey signingKey, TenantContext tenant) {
        this.service = service;
        this.signingKey = signingKey;
        this.tenant = tenant;
    }

    @GET
    @Path("export")
    @Produces(TEXT_CSV)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "The audit entries as CSV, streamed; its signature is at the Link header's rel=signature")
    public RestResponse<StreamingOutput> export(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("untilSeq") String untilSeq) {
        AuditRange range = range(from, to, untilSeq);
        StreamingOutput csv = out -> service.writeCsv(range, out);
        return RestResponse.ResponseBuilder.ok(csv, TEXT_CSV)
                .header(UNTIL_SEQ_HEADER, range.untilSeq())
                .header("Link", "<" + signatureUri(range) + ">; rel=\"signature\"")
                .header("Content-Disposition", "attachment; filename=\"audit-" + tenant.tenantId().orElseThrow()
                        + "-" + range.untilSeq() + ".csv\"")
                .build();
    }

    @GET
    @Path("export.sig")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "The detached signature of the export with the same parameters: ECDSA P-256 over SHA-256, "
            + "DER, base64")
    public RestResponse<String> signature(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("untilSeq") String untilSeq) {
        AuditRange range = range(from, to, untilSeq);
        return RestResponse.ResponseBuilder.ok(service.signature(range), MediaType.TEXT_PLAIN)
                .header(UNTIL_SEQ_HEADER, range.untilSeq())
                .build();
    }

    @GET
    @Path("public-key")
    @Produces("application/x-pem-file")
    @RolesAllowed({Scopes.READ, Scopes.ADMIN})
    @Operation(summary = "The PEM public key that verifies audit export signatures (openssl, cosign)")
    public String publicKey() {
        return signingKey.publicKeyPem();
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Checks the tenant's hash chain and says where it breaks")
    public ChainVerification verify() {
        return service.verify();
    }

    private AuditRange range(String from, String to, String untilSeq) {
        return service.range(QueryParams.instant("from", from), QueryParams.instant("to", to),
                QueryParams.integer("untilSeq", untilSeq));
    }

    private static String signatureUri(AuditRange range) {
        UriBuilder uri = UriBuilder.fromPath("/v1/crm/audit/export.sig");
        range.from().ifPresent(f -> uri.queryParam("from", DateTimeFormatter.ISO_INSTANT.format(f)));
        range.to().ifPresent(t -> uri.queryParam("to", DateTimeFormatter.ISO_INSTANT.format(t)));
        return uri.queryParam("untilSeq", range.untilSeq()).build().toString();
    }
}
