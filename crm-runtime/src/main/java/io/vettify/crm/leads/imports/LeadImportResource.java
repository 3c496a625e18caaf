package io.vettify.crm.leads.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vettify.crm.common.api.Created;
import io.vettify.crm.common.api.Problem;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.common.api.ProblemType;
import io.vettify.crm.common.api.QueryParams;
import io.vettify.crm.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /v1/crm/leads/import}: a {@code multipart/form-data} upload with a {@code file} part (the CSV) and an
 * optional {@code mapping} part (JSON object: CSV header → lead field); {@code ?dryRun=true} previews. Imports are
 * an admin operation (PRODUCT.md §4: {@code crm/admin}).
 */
@Path("/v1/crm/leads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "leads")
public class LeadImportResource {

    private static final int DEFAULT_PREVIEW_ROWS = 20;

    private final LeadImportService service;
    private final ObjectMapper mapper;

    public LeadImportResource(LeadImportService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Scopes.ADMIN)
    public RestResponse<ImportView> importLeads(@RestForm("file") FileUpload file, @RestForm("mapping") String mapping,
            @QueryParam("dryRun") String dryRun, @QueryParam("previewRows") String previewRows) {
        if (file == null) {
            throw ProblemException.invalid("file", "is required: send the CSV as the multipart part 'file' "
                    + "with a file name");
        }
        ImportUpload upload = new ImportUpload(file.uploadedFile(), file.fileName(), file.contentType(), file.size(),
                mapping(mapping));
        if (Boolean.TRUE.equals(QueryParams.bool("dryRun", dryRun))) {
            return RestResponse.ok(service.preview(upload, previewRows(previewRows)));
        }
        ImportView committed = service.commit(upload);
        return Created.at("/v1/crm/leads/imports/" + committed.id(), committed);
    }

    /** Any other body than multipart/form-data. */
    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.ADMIN)
    public void importLeadsFromOtherMediaType() {
        throw new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send the CSV file as "
                + "multipart/form-data: a part 'file' (text/csv) and optionally a part 'mapping' (JSON)"));
    }

    @GET
    @Path("imports/{id}")
    @RolesAllowed(Scopes.ADMIN)
    public ImportView get(UUID id) {
        return service.get(id);
    }

    private Map<String, String> mapping(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the part 'mapping' is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.invalid("mapping", "must be a JSON object of CSV header → lead field, "
                    + "e.g. {\"E-mail\": \"email\", \"Firma\": \"company\"}");
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw ProblemException.invalid("mapping." + entry.getKey(), "must be a lead field name (a string)");
            }
            mapping.put(entry.getKey(), entry.getValue().asText());
        }
        return mapping;
    }

    private static int previewRows(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PREVIEW_ROWS;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("previewRows", "must be a whole number from 0 to "
                    + LeadImportService.MAX_PREVIEW_ROWS);
        }
    }
}
