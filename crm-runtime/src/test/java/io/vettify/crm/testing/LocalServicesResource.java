package io.vettify.crm.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vettify.platform.testing.LocalPlatform;
import io.vettify.platform.testing.LocalServices;
import io.vettify.workers.reference.ReferenceWorkers;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Gives the tests the real local services through the project's one mechanism, {@code scripts/local-services.sh}
 * (idempotent: it starts only what is not running), a fresh signing key for test tokens, and the reference workers
 * (the stand-in fleet) answering on the test broker.
 */
public class LocalServicesResource implements QuarkusTestResourceLifecycleManager {

    private static ReferenceWorkers referenceWorkers;

    @Override
    public Map<String, String> start() {
        Map<String, String> env = services();
        startReferenceWorkers();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.password", env.get("VETTIFY_DB_APP_PASSWORD"));
        config.put("vettify.schema.owner.password", env.get("VETTIFY_DB_OWNER_PASSWORD"));
        config.put("quarkus.oidc.public-key", TestTokens.publicKeyBase64());
        // Keycloak's issuer; Keycloak itself is started only by the tests that log in there (KeycloakTokens).
        config.put("vettify.ui.oidc.authority", LocalServices.keycloakUrl() + "/realms/vettify");
        config.put("rabbitmq-port", env.get("VETTIFY_AMQP_PORT"));
        config.put("quarkus.redis.hosts", redisUrl());
        config.put("vettify.audit.dev-key-file",
                LocalPlatform.stateDir().resolve("dev-keys/dev-only-audit-signing-key.pem").toString());
        return config;
    }

    @Override
    public void stop() {
        // The services are shared by every test run and stopped by `./vettify down`; the workers are this run's.
        stopReferenceWorkers();
    }

    /** The reference workers answering the runtime under test. */
    public static synchronized ReferenceWorkers referenceWorkers() {
        return referenceWorkers;
    }

    private static synchronized void startReferenceWorkers() {
        if (referenceWorkers == null) {
            try {
                referenceWorkers = ReferenceWorkers.start("127.0.0.1", amqpPort(), "guest", "guest");
            } catch (IOException | TimeoutException e) {
                throw new IllegalStateException("cannot start the reference workers on the local RabbitMQ", e);
            }
        }
    }

    private static synchronized void stopReferenceWorkers() {
        if (referenceWorkers != null) {
            try {
                referenceWorkers.close();
            } catch (IOException | RuntimeException e) {
                // the broker connection is gone already
            }
            referenceWorkers = null;
        }
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + LocalServices.pgPort() + "/vettify_test";
    }

    public static String redisUrl() {
        return "redis://:" + services().get("VETTIFY_REDIS_PASSWORD") + "@127.0.0.1:" + LocalServices.redisPort();
    }

    public static int amqpPort() {
        return LocalServices.amqpPort();
    }

    /** The password of a database role the local services created (postgres, vettify_owner or vettify_app). */
    public static String password(String role) {
        return LocalServices.password(role);
    }

    static Map<String, String> services() {
        return LocalServices.env();
    }
}
