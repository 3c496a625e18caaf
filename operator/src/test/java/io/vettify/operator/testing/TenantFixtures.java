package io.vettify.operator.testing;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec;
import io.vettify.operator.tenant.VettifyTenantSpec.SecretsMode;
import io.vettify.platform.testing.LocalPlatform;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Namespaces, admin Secrets and tenants for the operator's tests, on the real local platform and PostgreSQL. */
public final class TenantFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.Set<String> NAMESPACES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private TenantFixtures() {
    }

    /** A tenant id nobody else uses (tests share one PostgreSQL server and one cluster). */
    public static String uniqueTenantId(String prefix) {
        return (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    }

    public static String newNamespace(KubernetesClient client, String tenantId) {
        var name = "t-" + tenantId;
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
                .addToLabels("vettify.io/test", "operator").endMetadata().build()).serverSideApply();
        NAMESPACES.add(name);
        return name;
    }

    /**
     * Deletes the tenants of every namespace this JVM created while the operator still runs (so their finalizers are
     * released), then the namespaces: the shared cluster keeps nothing of a test.
     */
    public static void deleteTestNamespaces(KubernetesClient client) {
        for (var namespace : List.copyOf(NAMESPACES)) {
            var tenants = client.resources(VettifyTenant.class).inNamespace(namespace);
            tenants.delete();
            org.awaitility.Awaitility.await("tenants of " + namespace + " deleted").atMost(Tenants.TIMEOUT)
                    .until(() -> tenants.list().getItems().isEmpty());
            client.namespaces().withName(namespace).delete();
            NAMESPACES.remove(namespace);
        }
    }

    /** A tenant in {@code Provided} secrets mode, on runtime 1.0.0, whose admin Secrets the test creates. */
    public static VettifyTenant tenant(String namespace, String tenantId) {
        return tenant(namespace, tenantId, LocalPlatform.minio().endpoint().toString());
    }

    public static VettifyTenant tenant(String namespace, String tenantId, String objectStorageEndpoint) {
        var spec = new VettifyTenantSpec();
        spec.tenantId = tenantId;
        spec.displayName = "Test tenant " + tenantId;
        spec.warehouses = List.of("cluj", "iasi");
        spec.database = new VettifyTenantSpec.DatabaseSpec();
        spec.database.adminSecretRef = new VettifyTenantSpec.SecretRef(tenantId + "-pg-admin");
        spec.objectStorage = new VettifyTenantSpec.ObjectStorageSpec();
        spec.objectStorage.endpoint = objectStorageEndpoint;
        spec.objectStorage.adminSecretRef = new VettifyTenantSpec.SecretRef(tenantId + "-minio-admin");
        spec.secrets = new VettifyTenantSpec.SecretsSpec();
        spec.secrets.mode = SecretsMode.Provided;
        spec.runtime = new VettifyTenantSpec.RuntimeSpec();
        spec.runtime.version = "1.0.0";
        spec.runtime.host = tenantId + ".crm.test.vettify.io";
        spec.runtime.canary.pause = "1s";
        var tenant = new VettifyTenant();
        tenant.getMetadata().setName(tenantId);
        tenant.getMetadata().setNamespace(namespace);
        tenant.getMetadata().setLabels(Map.of(OperatorInstance.LABEL, OperatorInstance.ID));
        tenant.setSpec(spec);
        return tenant;
    }

    public static void createDatabaseAdminSecret(KubernetesClient client, VettifyTenant tenant, Map<String, String> values) {
        createSecret(client, tenant.getMetadata().getNamespace(), tenant.getSpec().database.adminSecretRef.name, values);
    }

    /** Every admin Secret a Provided tenant needs, pointing at the local PostgreSQL and MinIO. */
    public static void createAdminSecrets(KubernetesClient client, VettifyTenant tenant) {
        createDatabaseAdminSecret(client, tenant, TestDatabase.adminSecretValues());
        var minio = LocalPlatform.minio();
        createSecret(client, tenant.getMetadata().getNamespace(), tenant.getSpec().objectStorage.adminSecretRef.name,
                Map.of("accessKey", minio.rootUser(), "secretKey", minio.rootPassword(), "caCert", read(minio.caCertificate())));
        createSecret(client, tenant.getMetadata().getNamespace(), "vettify-" + tenant.getSpec().tenantId + "-runtime-keys",
                runtimeKeys());
    }

    private static String read(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Map<String, String> runtimeKeys() {
        var key = new byte[32];
        RANDOM.nextBytes(key);
        return Map.of("sseCustomerKey", Base64.getEncoder().encodeToString(key),
                "webhookSigningKey", HexFormat.of().formatHex(key));
    }

    public static void createSecret(KubernetesClient client, String namespace, String name, Map<String, String> values) {
        client.secrets().inNamespace(namespace).resource(new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withStringData(values).build()).serverSideApply();
    }
}
