package io.vettify.crm.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON Schemas (draft 2020-12) of every worker's request and response ({@code workers/schemas/<worker>.request.json}
 * and {@code .response.json}), beside the event schemas. The runtime checks what it sends and what it receives; the
 * reference workers check the same files. A missing or broken schema stops the start.
 */
@Startup
@ApplicationScoped
public class WorkerSchemas {

    public static final String LOCATION = "workers/schemas/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonSchema> schemas = new HashMap<>();

    public WorkerSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH).locale(Locale.ENGLISH).build();
        List<String> problems = new ArrayList<>();
        for (String worker : Workers.ALL) {
            for (String kind : List.of("request", "response")) {
                String resource = resource(worker, kind);
                try (InputStream in = WorkerSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        problems.add("no schema at classpath:" + resource);
                        continue;
                    }
                    schemas.put(worker + "." + kind, factory.getSchema(JSON.readTree(in), config));
                } catch (IOException | RuntimeException e) {
                    problems.add(resource + " cannot be read: " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("worker schemas missing or broken: " + String.join("; ", problems));
        }
    }

    public static String resource(String worker, String kind) {
        return LOCATION + worker + "." + kind + ".json";
    }

    /** Violations of a request to the worker; empty when valid. */
    public List<String> requestViolations(String worker, JsonNode request) {
        return violations(worker + ".request", request);
    }

    /** Violations of a worker's result (the {@code result} of its reply); empty when valid. */
    public List<String> responseViolations(String worker, JsonNode result) {
        return violations(worker + ".response", result);
    }

    private List<String> violations(String key, JsonNode document) {
        JsonSchema schema = schemas.get(key);
        if (schema == null) {
            throw new IllegalArgumentException("unknown worker: " + key + "; known: " + Workers.ALL);
        }
        return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
