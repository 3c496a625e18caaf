package io.vettify.operator.runtime;

import static io.vettify.operator.testing.TenantFixture.TIMEOUT;
import static io.vettify.operator.testing.TenantFixture.awaitSettled;
import static io.vettify.operator.testing.TenantFixture.awaitTenant;
import static io.vettify.operator.testing.TenantFixture.create;
import static io.vettify.operator.testing.TenantFixture.isTrue;
import static io.vettify.operator.testing.TenantFixture.newTenantId;
import static io.vettify.operator.testing.TenantFixture.prepare;
import static io.vettify.operator.testing.TenantFixture.secretData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.operator.testing.LocalServices;
import io.vettify.operator.testing.OperatorTestRun;
import io.vettify.operator.testing.TenantFixture;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.platform.testing.LocalPlatform;
import jakarta.inject.Inject;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generated runtime Secret: every key the runtime reads, with values that work (the database role's credentials
 * connect), and rewritten when an input changes — a rotated runtime key in a Secret the tenant only reads, a
 * regenerated role password.
 */
@QuarkusTest
@QuarkusTestResource(OperatorTestRun.class)
class RuntimeSecretTest {

    @Inject
    KubernetesClient client;

    private VettifyTenant tenant;

    @AfterEach
    void cleanUp() {
        TenantFixture.cleanUp(client, tenant);
    }

    @Test
    void theRuntimeSecretHoldsEveryKeyWithItsValue() throws Exception {
        var tenantId = newTenantId("runtime");
        tenant = create(client, prepare(client, tenantId));
        awaitTenant(client, tenant, "RuntimeAvailable", t -> isTrue(t, "RuntimeAvailable"));

        var namespace = tenant.getMetadata().getNamespace();
        var secret = client.secrets().inNamespace(namespace).withName("vettify-" + tenantId + "-runtime").get();
        assertThat(secret.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("VettifyTenant");
            assertThat(owner.getName()).isEqualTo(tenantId);
        });
        var runtime = TenantFixture.decode(secret);
        var database = "vettify_" + tenantId.replace('-', '_');
        var roles = secretData(client, namespace, "vettify-" + tenantId + "-database-roles");
        var bucket = secretData(client, namespace, "vettify-" + tenantId + "-bucket-credentials");
        var keys = secretData(client, namespace, "vettify-" + tenantId + "-runtime-keys");
        var redisPassword = secretData(client, namespace, "vettify-" + tenantId + "-redis").get("password");
        assertThat(runtime).containsOnly(
                Map.entry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:%s/%s?sslmode=disable"
                        .formatted(LocalServices.get().pgPort(), database)),
                Map.entry("QUARKUS_DATASOURCE_USERNAME", database + "_app"),
                Map.entry("QUARKUS_DATASOURCE_PASSWORD", roles.get("runtimePassword")),
                Map.entry("VETTIFY_TENANT_ID", tenantId),
                Map.entry("VETTIFY_WAREHOUSES", "cluj,iasi"),
                Map.entry("VETTIFY_S3_ENDPOINT", LocalPlatform.minio().endpoint().toString().replaceAll("/$", "")),
                Map.entry("VETTIFY_S3_BUCKET", "vettify-" + tenantId),
                Map.entry("VETTIFY_S3_ACCESS_KEY", "vettify-" + tenantId + "-runtime"),
                Map.entry("VETTIFY_S3_SECRET_KEY", bucket.get("secretKey")),
                Map.entry("VETTIFY_SSE_CUSTOMER_KEY", keys.get("sseCustomerKey")),
                Map.entry("VETTIFY_WEBHOOK_SIGNING_KEY", keys.get("webhookSigningKey")),
                Map.entry("VETTIFY_REDIS_URL", "redis://:%s@vettify-%s-redis.%s.svc:6379"
                        .formatted(redisPassword, tenantId, namespace)));
        assertThat(bucket.get("accessKey")).isEqualTo("vettify-" + tenantId + "-runtime");
        assertThat(bucket.get("secretKey")).matches("[A-Za-z0-9_-]{40}");

        assertThat(currentUser(runtime)).isEqualTo(database + "_app");
    }

    @Test
    void theRuntimeSecretIsRewrittenWhenARuntimeKeyIsRotatedOrTheRolePasswordRegenerated() throws Exception {
        var tenantId = newTenantId("runtime-rot");
        tenant = create(client, prepare(client, tenantId));
        awaitTenant(client, tenant, "Ready", t -> isTrue(t, "Ready"));
        // A Ready tenant is not looked at again unless something it watches changes.
        awaitSettled(client, tenant);
        var namespace = tenant.getMetadata().getNamespace();
        var runtimeSecret = "vettify-" + tenantId + "-runtime";

        // The runtime keys Secret belongs to no tenant (made by hand, or by External Secrets): only its name ties it.
        var rotated = TenantFixture.runtimeKeys();
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
                .withName("vettify-" + tenantId + "-runtime-keys").endMetadata().withStringData(rotated).build())
                .update();
        await("the rotated keys in the runtime Secret").atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> secretData(client, namespace, runtimeSecret), runtime ->
                        rotated.get("sseCustomerKey").equals(runtime.get("VETTIFY_SSE_CUSTOMER_KEY"))
                                && rotated.get("webhookSigningKey").equals(runtime.get("VETTIFY_WEBHOOK_SIGNING_KEY")));

        var before = secretData(client, namespace, runtimeSecret).get("QUARKUS_DATASOURCE_PASSWORD");
        client.secrets().inNamespace(namespace).withName("vettify-" + tenantId + "-database-roles").delete();
        var after = await("a new role password in the runtime Secret").atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> secretData(client, namespace, runtimeSecret), runtime ->
                        runtime.get("QUARKUS_DATASOURCE_PASSWORD") != null
                                && !before.equals(runtime.get("QUARKUS_DATASOURCE_PASSWORD")));
        assertThat(after.get("QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(
                secretData(client, namespace, "vettify-" + tenantId + "-database-roles").get("runtimePassword"));
        await("the role accepts its new password").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> currentUser(after), user -> user.endsWith("_app"));
    }

    private static String currentUser(Map<String, String> runtime) throws Exception {
        try (var connection = DriverManager.getConnection(runtime.get("QUARKUS_DATASOURCE_JDBC_URL"),
                runtime.get("QUARKUS_DATASOURCE_USERNAME"), runtime.get("QUARKUS_DATASOURCE_PASSWORD"));
                var rows = connection.createStatement().executeQuery("SELECT current_user")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
