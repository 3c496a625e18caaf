package io.vettify.crm.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The JSON Schema of every published and consumed event (resources events/schemas/<event>.json), loaded at start. */
@ApplicationScoped
public class EventSchemas {

    private final Map<String, JsonSchema> schemas = new HashMap<>();
    private final ObjectMapper mapper;

    public EventSchemas(ObjectMapper mapper) {
        this.mapper = mapper;
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Stream.concat(EventTypes.PUBLISHED.stream(), EventTypes.CONSUMED.stream()).forEach(type -> {
            String path = "events/schemas/" + type + ".json";
            try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("no JSON Schema for event " + type + " at " + path);
                }
                schemas.put(type, factory.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), config));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** What is wrong with {@code json} as the data of {@code eventType}; empty when it is valid. */
    public List<String> violations(String eventType, String json) {
        JsonSchema schema = schemas.get(eventType);
        if (schema == null) {
            throw new IllegalArgumentException("unknown event type " + eventType);
        }
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        if (node == null) {
            return List.of("empty body");
        }
        return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
