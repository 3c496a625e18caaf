package io.vettify.operator.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.minio.MinioClient;
import io.minio.admin.MinioAdminClient;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec;
import io.vettify.platform.testing.LocalPlatform;
import io.vettify.platform.testing.MinioEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Tenants provisioned for real, each in a namespace of its own ({@code t-<tenantId>}), labelled for this test run
 * ({@link OperatorTestRun}): {@code secrets.mode: Provided} with hand-made Secrets — the local PostgreSQL 17
 * ({@code scripts/local-services.sh}, its superuser) and the local platform's MinIO (root credentials and the
 * platform's CA as {@code caCert}).
 */
public final class TenantFixture {

    public static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TenantFixture() {
    }

    /** A fresh tenant id: {@code <prefix>-<8 hex digits>}. */
    public static String newTenantId(String prefix) {
        return prefix + "-" + HexFormat.of().formatHex(randomBytes(4));
    }

    /**
     * Creates the namespace {@code t-<tenantId>} and the tenant's Provided Secrets; returns the tenant to create
     * (deletionPolicy Delete, Redis Dedicated), for the test to adjust first.
     */
    public static VettifyTenant prepare(KubernetesClient client, String tenantId) {
        var namespace = "t-" + tenantId;
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                .addToLabels("vettify.io/test", "true").addToLabels(OperatorTestRun.RUN_LABEL, OperatorTestRun.RUN_ID)
                .endMetadata().build()).create();
        var services = LocalServices.get();
        createSecret(client, namespace, tenantId + "-pg-admin", Map.of("host", "127.0.0.1",
                "port", services.pgPort(), "username", "postgres", "password", services.pgSuperuserPassword(),
                "sslmode", "disable"));
        var minio = LocalPlatform.minio();
        createSecret(client, namespace, tenantId + "-minio-admin", Map.of("accessKey", minio.rootUser(),
                "secretKey", minio.rootPassword(), "caCert", caCertificate(minio)));
        createSecret(client, namespace, "vettify-" + tenantId + "-runtime-keys", runtimeKeys());

        var spec = new VettifyTenantSpec();
        spec.tenantId = tenantId;
        spec.displayName = "Provisioning test " + tenantId;
        spec.warehouses = List.of("cluj", "iasi");
        spec.database = new VettifyTenantSpec.DatabaseSpec();
        spec.database.adminSecretRef = new VettifyTenantSpec.SecretRef(tenantId + "-pg-admin");
        spec.objectStorage = new VettifyTenantSpec.ObjectStorageSpec();
        spec.objectStorage.endpoint = minio.endpoint().toString().replaceAll("/$", "");
        spec.objectStorage.adminSecretRef = new VettifyTenantSpec.SecretRef(tenantId + "-minio-admin");
        spec.secrets = new VettifyTenantSpec.SecretsSpec();
        spec.secrets.mode = VettifyTenantSpec.SecretsMode.Provided;
        spec.runtime = new VettifyTenantSpec.RuntimeSpec();
        spec.runtime.version = "1.0.0";
        spec.runtime.host = tenantId + ".crm.vettify.test";
        spec.deletionPolicy = VettifyTenantSpec.DeletionPolicy.Delete;

        var tenant = new VettifyTenant();
        tenant.setMetadata(new ObjectMetaBuilder().withName(tenantId).withNamespace(namespace)
                .addToLabels(OperatorTestRun.RUN_LABEL, OperatorTestRun.RUN_ID).build());
        tenant.setSpec(spec);
        return tenant;
    }

    public static VettifyTenant create(KubernetesClient client, VettifyTenant tenant) {
        return client.resource(tenant).create();
    }

    public static VettifyTenant get(KubernetesClient client, VettifyTenant tenant) {
        return client.resources(VettifyTenant.class).inNamespace(tenant.getMetadata().getNamespace())
                .withName(tenant.getMetadata().getName()).get();
    }

    /** Waits until the tenant satisfies {@code condition}; the failure names {@code what} and the last status. */
    public static VettifyTenant awaitTenant(KubernetesClient client, VettifyTenant tenant, String what,
            Predicate<VettifyTenant> condition) {
        try {
            return await("tenant " + tenant.getMetadata().getName() + ": " + what).atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> get(client, tenant), t -> t != null && t.getStatus() != null && condition.test(t));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("tenant %s: not %s within %s; its conditions: %s".formatted(
                    tenant.getMetadata().getName(), what, TIMEOUT, conditions(get(client, tenant))), e);
        }
    }

    private static String conditions(VettifyTenant tenant) {
        if (tenant == null || tenant.getStatus() == null) {
            return "none (no status)";
        }
        return tenant.getStatus().conditions.stream()
                .map(c -> "%s=%s %s: %s".formatted(c.getType(), c.getStatus(), c.getReason(), c.getMessage()))
                .collect(Collectors.joining("; "));
    }

    /**
     * Waits until the operator leaves the tenant alone: its resourceVersion unchanged for three seconds. After that,
     * only a watched change makes it reconcile the tenant again.
     */
    public static void awaitSettled(KubernetesClient client, VettifyTenant tenant) {
        var last = new AtomicReference<String>();
        await("tenant " + tenant.getMetadata().getName() + " settled").during(Duration.ofSeconds(3)).atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    var resourceVersion = get(client, tenant).getMetadata().getResourceVersion();
                    return resourceVersion.equals(last.getAndSet(resourceVersion));
                });
    }

    public static Optional<Condition> condition(VettifyTenant tenant, String type) {
        return tenant.getStatus() == null ? Optional.empty()
                : tenant.getStatus().conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public static boolean isTrue(VettifyTenant tenant, String type) {
        return condition(tenant, type).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    /** True when the condition is False with that reason. */
    public static boolean isFalseBecause(VettifyTenant tenant, String type, String reason) {
        return condition(tenant, type).map(c -> "False".equals(c.getStatus()) && reason.equals(c.getReason()))
                .orElse(false);
    }

    /** The Events the operator recorded about the tenant. */
    public static List<Event> events(KubernetesClient client, VettifyTenant tenant) {
        return client.v1().events().inNamespace(tenant.getMetadata().getNamespace()).list().getItems().stream()
                .filter(e -> e.getInvolvedObject() != null
                        && tenant.getMetadata().getName().equals(e.getInvolvedObject().getName())
                        && "VettifyTenant".equals(e.getInvolvedObject().getKind()))
                .toList();
    }

    /** Deletes the tenant and waits until the operator has cleaned up and released it. */
    public static void deleteTenant(KubernetesClient client, VettifyTenant tenant) {
        client.resources(VettifyTenant.class).inNamespace(tenant.getMetadata().getNamespace())
                .withName(tenant.getMetadata().getName()).delete();
        await("tenant " + tenant.getMetadata().getName() + " deleted").atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> get(client, tenant) == null);
    }

    /** Deletes the tenant, if still there, then its namespace. */
    public static void cleanUp(KubernetesClient client, VettifyTenant tenant) {
        if (tenant == null) {
            return;
        }
        try {
            if (get(client, tenant) != null) {
                deleteTenant(client, tenant);
            }
        } finally {
            client.namespaces().withName(tenant.getMetadata().getNamespace()).delete();
        }
    }

    /** The decoded data of a Secret, or an empty map when it does not exist. */
    public static Map<String, String> secretData(KubernetesClient client, String namespace, String name) {
        var secret = client.secrets().inNamespace(namespace).withName(name).get();
        return secret == null ? Map.of() : decode(secret);
    }

    public static Map<String, String> decode(Secret secret) {
        var values = new HashMap<String, String>();
        if (secret.getData() != null) {
            secret.getData().forEach((key, value) ->
                    values.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
        }
        return values;
    }

    public static void createSecret(KubernetesClient client, String namespace, String name, Map<String, String> values) {
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name)
                .endMetadata().withStringData(values).build()).create();
    }

    /** New random runtime keys (an AES-256 SSE-C key, base64, and a webhook signing key, hex). */
    public static Map<String, String> runtimeKeys() {
        return Map.of("sseCustomerKey", Base64.getEncoder().encodeToString(randomBytes(32)),
                "webhookSigningKey", HexFormat.of().formatHex(randomBytes(32)));
    }

    // ------------------------------------------------------------------------------------------------ PostgreSQL

    /** A connection to a database of the local PostgreSQL as its superuser. */
    public static Connection superuser(String database) throws SQLException {
        var services = LocalServices.get();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:%s/%s".formatted(services.pgPort(), database),
                "postgres", services.pgSuperuserPassword());
    }

    /** Drops what a tenant with deletionPolicy Retain left behind: its database and roles. */
    public static void dropDatabase(String tenantId) throws SQLException {
        var database = "vettify_" + tenantId.replace('-', '_');
        try (var connection = superuser("postgres"); var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("DROP ROLE IF EXISTS " + database + "_app");
            statement.execute("DROP ROLE IF EXISTS " + database + "_owner");
        }
    }

    // ------------------------------------------------------------------------------------------------ MinIO

    /** The S3 API of the local MinIO, trusting only the platform's CA. */
    public static MinioClient minio(String accessKey, String secretKey) {
        var minio = LocalPlatform.minio();
        return MinioClient.builder().endpoint(minio.endpoint().toString()).credentials(accessKey, secretKey)
                .httpClient(http(minio)).build();
    }

    public static MinioClient minioRoot() {
        var minio = LocalPlatform.minio();
        return minio(minio.rootUser(), minio.rootPassword());
    }

    public static MinioAdminClient minioAdmin() {
        var minio = LocalPlatform.minio();
        return MinioAdminClient.builder().endpoint(minio.endpoint().toString())
                .credentials(minio.rootUser(), minio.rootPassword()).httpClient(http(minio)).build();
    }

    private static OkHttpClient http(MinioEndpoint minio) {
        return new OkHttpClient.Builder().sslSocketFactory(minio.sslContext().getSocketFactory(), minio.trustManager())
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(30)).build();
    }

    private static String caCertificate(MinioEndpoint minio) {
        try {
            return Files.readString(minio.caCertificate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        var bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
