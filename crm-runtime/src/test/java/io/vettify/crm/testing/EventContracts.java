package io.vettify.crm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the event contracts live in the repository: the AsyncAPI document and the JSON Schemas. */
public final class EventContracts {

    public static final String ASYNCAPI = "docs/events/asyncapi.yaml";
    public static final String SCHEMAS = "crm-runtime/src/main/resources/events/schemas";
    public static final String MAIN_SOURCES = "crm-runtime/src/main/java";
    public static final String MAIN_RESOURCES = "crm-runtime/src/main/resources";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventContracts() {
    }

    /** The repository's root: the first directory above the working directory that holds the AsyncAPI document. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(ASYNCAPI))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(ASYNCAPI + " not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static Path asyncApiPath() {
        return repositoryRoot().resolve(ASYNCAPI);
    }

    public static JsonNode asyncApi() {
        return readYaml(asyncApiPath());
    }

    public static Path schemaPath(String eventType) {
        return repositoryRoot().resolve(SCHEMAS).resolve(eventType + ".json");
    }

    public static JsonNode schema(String eventType) {
        return readJson(schemaPath(eventType));
    }

    public static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resolves a local JSON pointer reference ({@code #/components/...}) within a document. */
    public static JsonNode resolveLocal(JsonNode document, String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("not a local reference: " + ref);
        }
        return document.at(ref.substring(1));
    }
}
