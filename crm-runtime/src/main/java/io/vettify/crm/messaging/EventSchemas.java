package io.vettify.crm.messaging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schema (draft 2020-12) of every event the runtime publishes or consumes (PRODUCT.md §6), loaded from
 * {@code events/schemas/<event-name>.json} on the classpath when the runtime starts: a missing or unreadable schema
 * stops the start. {@link #violations} checks an event's data (the message body) against its schema, with the
 * {@code uuid} and {@code date-time} formats asserted, not only annotated.
 */
@Startup
@ApplicationScoped
public class EventSchemas {

    /** Where the schemas are on the classpath. */
    public static final String LOCATION = "events/schemas/";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Map<String, JsonSchema> schemas;

    /** Every event of {@link EventTypes#PUBLISHED} and {@link EventTypes#CONSUMED}. */
    public EventSchemas() {
        this(allEventTypes());
    }

    /**
     * The schemas of the given events.
     *
     * @throws IllegalStateException when a schema is missing or is not a valid schema document
     */
    public EventSchemas(Collection<String> eventTypes) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .locale(Locale.ENGLISH)
                .build();
        Map<String, JsonSchema> loaded = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String eventType : eventTypes) {
            String resource = resource(eventType);
            try (InputStream in = classLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    problems.add(eventType + ": no schema at classpath:" + resource);
                    continue;
                }
                JsonNode document = JSON.readTree(in);
                if (document == null || !document.isObject()) {
                    problems.add(eventType + ": " + resource + " is not a JSON object");
                    continue;
                }
                loaded.put(eventType, factory.getSchema(document, config));
            } catch (IOException | RuntimeException e) {
                problems.add(eventType + ": " + resource + " cannot be read: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("event schemas missing or broken: " + String.join("; ", problems));
        }
        this.schemas = Map.copyOf(loaded);
    }

    /** Classpath resource of an event's schema. */
    public static String resource(String eventType) {
        return LOCATION + eventType + ".json";
    }

    /** The events whose schema is loaded. */
    public Set<String> eventTypes() {
        return schemas.keySet();
    }

    /**
     * Checks an event's data (the JSON body of its message) against the event's schema.
     *
     * @return human-readable violations, each naming the JSON path it concerns; empty when the data is valid.
     *     Malformed JSON (including trailing content and duplicate keys) is a violation too.
     * @throws IllegalArgumentException when the event type is not one of the runtime's events
     */
    public List<String> violations(String eventType, String json) {
        JsonSchema schema = schemas.get(eventType);
        if (schema == null) {
            throw new IllegalArgumentException("unknown event type " + eventType + "; known: " + schemas.keySet());
        }
        if (json == null || json.isBlank()) {
            return List.of("$: no JSON document (empty body)");
        }
        JsonNode data;
        try {
            data = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("$: malformed JSON: " + e.getOriginalMessage());
        }
        Set<ValidationMessage> messages = schema.validate(data);
        Set<String> violations = new LinkedHashSet<>();
        for (ValidationMessage message : messages) {
            String evaluation = String.valueOf(message.getEvaluationPath());
            // A failed alternative of anyOf/oneOf says which alternative it is, or "required property not found"
            // would read as if the property were always required.
            violations.add(evaluation.contains("anyOf[") || evaluation.contains("oneOf[")
                    ? message.getMessage() + " (alternative " + evaluation + ")"
                    : message.getMessage());
        }
        return violations.stream().sorted().toList();
    }

    private static List<String> allEventTypes() {
        List<String> all = new ArrayList<>(EventTypes.PUBLISHED);
        all.addAll(EventTypes.CONSUMED);
        return all;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : EventSchemas.class.getClassLoader();
    }
}
