package io.vettify.workers.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The protocol's JSON Schemas (the runtime's files, copied in at build time): requests and results are checked. */
final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .locale(Locale.ENGLISH).build();

    private final Map<String, JsonSchema> loaded = new ConcurrentHashMap<>();

    List<String> violations(String worker, String kind, JsonNode document) {
        JsonSchema schema = loaded.computeIfAbsent("workers/schemas/" + worker + "." + kind + ".json", this::load);
        return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private JsonSchema load(String resource) {
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + resource);
            }
            return factory.getSchema(JSON.readTree(in), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
