package io.vettify.operator.runtime;

import static io.vettify.operator.tenant.ConditionType.Ready;
import static io.vettify.operator.tenant.ConditionType.RuntimeAvailable;
import static io.vettify.operator.testing.Tenants.TIMEOUT;
import static io.vettify.operator.testing.Tenants.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.operator.secrets.TenantSecret;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec.DeletionPolicy;
import io.vettify.operator.testing.OperatorInstance;
import io.vettify.operator.testing.SecretData;
import io.vettify.operator.testing.TenantFixtures;
import io.vettify.operator.testing.Tenants;
import io.vettify.platform.testing.LocalPlatform;
import io.vettify.platform.testing.LocalPlatformResource;
import io.vettify.platform.testing.LocalServices;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generated runtime Secret: every key the runtime reads, with values that work (the database role's credentials
 * connect), and rewritten when an input changes — a rotated runtime key in a Secret the tenant only reads, a
 * regenerated role password.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalPlatformResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OperatorInstance.class, restrictToAnnotatedClass = false)
class RuntimeSecretTest {

    @Inject
    KubernetesClient client;

    @AfterEach
    void cleanUp() {
        TenantFixtures.deleteTestNamespaces(client);
    }

    @Test
    void theRuntimeSecretHoldsEveryKeyWithItsValue() throws Exception {
        var tenant = provisioned("runtime");
        var namespace = tenant.getMetadata().getNamespace();
        var tenantId = tenant.getSpec().tenantId;

        var secret = client.secrets().inNamespace(namespace).withName(TenantNames.runtimeSecret(tenant)).get();
        assertThat(secret.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("VettifyTenant");
            assertThat(owner.getName()).isEqualTo(tenant.getMetadata().getName());
        });
        var runtime = SecretData.decode(secret);
        var database = TenantNames.databaseName(tenant);
        var roles = SecretData.of(client, namespace, TenantNames.databaseRolesSecret(tenant));
        var bucket = SecretData.of(client, namespace, TenantNames.bucketCredentialsSecret(tenant));
        var keys = SecretData.of(client, namespace, TenantSecret.RUNTIME_KEYS.secretName(tenant));
        var redisPassword = SecretData.of(client, namespace, TenantNames.redis(tenant)).get("password");
        assertThat(runtime).containsOnly(
                Map.entry("VETTIFY_DB_URL", "jdbc:postgresql://127.0.0.1:%d/%s?sslmode=disable"
                        .formatted(LocalServices.pgPort(), database)),
                Map.entry("VETTIFY_DB_USER", database + "_app"),
                Map.entry("VETTIFY_DB_PASSWORD", roles.get("runtimePassword")),
                Map.entry("VETTIFY_TENANT_ID", tenantId),
                Map.entry("VETTIFY_WAREHOUSES", "cluj,iasi"),
                Map.entry("VETTIFY_S3_ENDPOINT", LocalPlatform.minio().endpoint().toString()),
                Map.entry("VETTIFY_S3_BUCKET", "vettify-" + tenantId),
                Map.entry("VETTIFY_S3_ACCESS_KEY", "vettify-" + tenantId + "-runtime"),
                Map.entry("VETTIFY_S3_SECRET_KEY", bucket.get("secretKey")),
                Map.entry("VETTIFY_SSE_CUSTOMER_KEY", keys.get("sseCustomerKey")),
                Map.entry("VETTIFY_WEBHOOK_SIGNING_KEY", keys.get("webhookSigningKey")),
                Map.entry("VETTIFY_S3_CA_CERT", Files.readString(LocalPlatform.minio().caCertificate())),
                Map.entry("VETTIFY_REDIS_URL", "redis://:%s@vettify-%s-redis.%s.svc:6379"
                        .formatted(redisPassword, tenantId, namespace)));
        assertThat(bucket.get("accessKey")).isEqualTo("vettify-" + tenantId + "-runtime");
        assertThat(bucket.get("secretKey")).matches("[A-Za-z0-9_-]{40}");

        assertThat(currentUser(runtime)).isEqualTo(database + "_app");
    }

    @Test
    void theRuntimeSecretIsRewrittenWhenARuntimeKeyIsRotatedOrTheRolePasswordRegenerated() throws Exception {
        var tenant = provisioned("runtime-rot");
        awaitCondition(client, tenant, Ready, "True", null);
        // A Ready tenant is looked at again only when something it watches changes (or after minutes).
        awaitSettled(tenant);
        var namespace = tenant.getMetadata().getNamespace();
        var runtimeSecret = TenantNames.runtimeSecret(tenant);

        // The runtime keys Secret belongs to no tenant (made by hand, or by External Secrets): only its name ties it.
        var rotated = TenantFixtures.runtimeKeys();
        TenantFixtures.createSecret(client, namespace, TenantSecret.RUNTIME_KEYS.secretName(tenant), rotated);
        await("the rotated keys in the runtime Secret").atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> SecretData.of(client, namespace, runtimeSecret), runtime ->
                        rotated.get("sseCustomerKey").equals(runtime.get("VETTIFY_SSE_CUSTOMER_KEY"))
                                && rotated.get("webhookSigningKey").equals(runtime.get("VETTIFY_WEBHOOK_SIGNING_KEY")));

        // Rotating a role password is deleting the roles Secret: a new one is generated and set on the role.
        var before = SecretData.of(client, namespace, runtimeSecret).get("VETTIFY_DB_PASSWORD");
        client.secrets().inNamespace(namespace).withName(TenantNames.databaseRolesSecret(tenant)).delete();
        var after = await("a new role password in the runtime Secret").atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> SecretData.of(client, namespace, runtimeSecret), runtime ->
                        runtime.get("VETTIFY_DB_PASSWORD") != null
                                && !before.equals(runtime.get("VETTIFY_DB_PASSWORD")));
        assertThat(after.get("VETTIFY_DB_PASSWORD")).isEqualTo(
                SecretData.of(client, namespace, TenantNames.databaseRolesSecret(tenant)).get("runtimePassword"));
        await("the role accepts its new password").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> currentUser(after), user -> user.equals(TenantNames.runtimeRole(tenant)));
    }

    private VettifyTenant provisioned(String prefix) {
        var tenantId = TenantFixtures.uniqueTenantId(prefix);
        var tenant = TenantFixtures.tenant(TenantFixtures.newNamespace(client, tenantId), tenantId);
        tenant.getSpec().deletionPolicy = DeletionPolicy.Delete;
        TenantFixtures.createAdminSecrets(client, tenant);
        Tenants.apply(client, tenant);
        awaitCondition(client, tenant, RuntimeAvailable, "True", null);
        return tenant;
    }

    /** Waits until the operator leaves the tenant alone: its resourceVersion unchanged for three seconds. */
    private void awaitSettled(VettifyTenant tenant) {
        var last = new AtomicReference<String>();
        await("tenant settled").during(Duration.ofSeconds(3)).atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    var resourceVersion = Tenants.get(client, tenant).getMetadata().getResourceVersion();
                    return resourceVersion.equals(last.getAndSet(resourceVersion));
                });
    }

    private static String currentUser(Map<String, String> runtime) throws Exception {
        try (var connection = DriverManager.getConnection(runtime.get("VETTIFY_DB_URL"),
                runtime.get("VETTIFY_DB_USER"), runtime.get("VETTIFY_DB_PASSWORD"));
                var rows = connection.createStatement().executeQuery("SELECT current_user")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
