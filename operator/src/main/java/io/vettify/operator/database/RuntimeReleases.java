package io.vettify.operator.database;

import io.vettify.operator.tenant.ProvisioningException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The runtime releases this operator knows (runtime-releases.properties) and the schema version each needs. */
@ApplicationScoped
public class RuntimeReleases {

    private final Map<String, String> schemaByRelease = new TreeMap<>();

    public RuntimeReleases() {
        var properties = new Properties();
        try (var in = RuntimeReleases.class.getResourceAsStream("/runtime-releases.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.forEach((release, schema) -> schemaByRelease.put((String) release, (String) schema));
    }

    public String schemaVersion(String release) {
        var schema = schemaByRelease.get(release);
        if (schema == null) {
            throw new ProvisioningException("UnknownRuntimeVersion",
                    "runtime version %s is not a release this operator knows (known: %s)"
                            .formatted(release, String.join(", ", schemaByRelease.keySet())));
        }
        return schema;
    }
}
