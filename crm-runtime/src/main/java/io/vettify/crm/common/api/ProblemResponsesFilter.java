package io.vettify.crm.common.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes /q/openapi say what the API really answers: every operation documents its RFC 9457 problem+json error
 * responses (one {@code Problem} schema), creates answer 201, and a property the API may send as {@code null}
 * (every one that is not required: JSON answers include null fields) allows null.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final Map<String, String> ALWAYS = ordered(
            "400", "Malformed request (bad JSON, parameter of the wrong type)",
            "401", "No valid bearer token",
            "403", "The token lacks the scope, or belongs to another tenant than the one this runtime serves",
            "404", "No such resource (also for rows of another tenant or warehouse)",
            "406", "The client does not accept JSON",
            "422", "Invalid fields or query parameters; errors[] names them",
            "429", "Too many requests",
            "503", "A service the request needs (the database) is unavailable; retry after Retry-After seconds");
    private static final Map<String, String> WITH_BODY = ordered(
            "413", "The body is larger than the API accepts",
            "415", "The body is not JSON");
    private static final Map<String, String> WRITES = ordered(
            "409", "State or version conflict, or a unique value that exists already");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas != null) {
            schemas.values().forEach(ProblemResponsesFilter::allowNullForOptionalProperties);
        }
        openAPI.getComponents().addSchema("FieldError", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("field", string()).addProperty("message", string())
                .required(List.of("field", "message")));
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", string().format("uri"))
                .addProperty("title", string())
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string())
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/v1/")) {
                documentCreated(path, item);
                item.getOperations().forEach((method, operation) -> documentProblems(method, operation));
            }
        });
    }

    /**
     * A POST to a collection that can also be listed (GET) creates a member: it answers 201 with Location and the
     * body ({@link Created}), which the generated document would call 200.
     */
    private static void documentCreated(String path, PathItem item) {
        Operation create = item.getPOST();
        if (create == null || item.getGET() == null || path.endsWith("}") || create.getResponses() == null) {
            return;
        }
        var ok = create.getResponses().getAPIResponse("200");
        if (ok != null) {
            create.getResponses().removeAPIResponse("200");
            create.getResponses().addAPIResponse("201", ok.description("Created; Location names the new resource"));
        }
    }

    private static void documentProblems(PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        ALWAYS.forEach((status, description) -> problem(responses, status, description));
        if (operation.getRequestBody() != null) {
            WITH_BODY.forEach((status, description) -> problem(responses, status, description));
        }
        if (method != PathItem.HttpMethod.GET) {
            WRITES.forEach((status, description) -> problem(responses, status, description));
        }
    }

    private static void problem(APIResponses responses, String status, String description) {
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)))));
    }

    private static void allowNullForOptionalProperties(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
        schema.setProperties(properties);
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createSchema().anyOf(List.of(OASFactory.createSchema().ref(property.getRef()),
                    OASFactory.createSchema().addType(SchemaType.NULL)));
        }
        if (property.getType() != null && !property.getType().isEmpty() && !property.getType().contains(SchemaType.NULL)) {
            List<SchemaType> types = new ArrayList<>(property.getType());
            types.add(SchemaType.NULL);
            property.setType(types);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(property.getEnumeration());
                values.add(null);
                property.setEnumeration(values);
            }
        }
        return property;
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
