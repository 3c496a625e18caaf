package io.vettify.crm.schema;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Where the runtime migrates by itself (dev and test), it migrates as the schema owner, never as its own DML-only
 * role. In a cluster no owner is configured: the operator migrates and the runtime only validates.
 */
@Singleton
public class SchemaOwnerCredentials implements FlywayConfigurationCustomizer {

    private final String jdbcUrl;
    private final Optional<String> owner;
    private final Optional<String> password;

    public SchemaOwnerCredentials(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "vettify.schema.owner.username") Optional<String> owner,
            @ConfigProperty(name = "vettify.schema.owner.password") Optional<String> password) {
        this.jdbcUrl = jdbcUrl;
        this.owner = owner;
        this.password = password;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        owner.ifPresent(user -> configuration.dataSource(jdbcUrl, user, password.orElse("")));
    }
}
