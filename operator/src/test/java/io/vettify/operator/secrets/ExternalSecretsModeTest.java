package io.vettify.operator.secrets;

import static io.vettify.operator.tenant.ConditionType.DatabaseReady;
import static io.vettify.operator.tenant.ConditionType.SecretsReady;
import static io.vettify.operator.testing.Tenants.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec;
import io.vettify.operator.testing.OperatorInstance;
import io.vettify.operator.testing.TenantFixtures;
import io.vettify.operator.testing.Tenants;
import io.vettify.operator.testing.TestDatabase;
import io.vettify.operator.thirdparty.externalsecrets.ExternalSecret;
import io.vettify.platform.testing.LocalPlatform;
import io.vettify.platform.testing.LocalPlatformResource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ExternalSecrets mode against the real External Secrets controller and the platform's fake ClusterSecretStore. */
@QuarkusTest
@QuarkusTestResource(value = LocalPlatformResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OperatorInstance.class, restrictToAnnotatedClass = false)
class ExternalSecretsModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KubernetesClient client;

    @org.junit.jupiter.api.AfterEach
    void deleteTestNamespaces() {
        TenantFixtures.deleteTestNamespaces(client);
    }

    private VettifyTenant tenant;

    @AfterEach
    void removeStoreKeys() {
        for (var secret : TenantSecret.values()) {
            LocalPlatform.removeSecretStoreData(secret.remoteKey(tenant));
        }
    }

    @Test
    void theStoreSyncsTheAdminSecretsAndAMissingKeyIsReported() throws Exception {
        var tenantId = TenantFixtures.uniqueTenantId("eso");
        tenant = TenantFixtures.tenant(TenantFixtures.newNamespace(client, tenantId), tenantId);
        tenant.getSpec().secrets.mode = VettifyTenantSpec.SecretsMode.ExternalSecrets;
        tenant.getSpec().secrets.storeRef = new VettifyTenantSpec.StoreRef();
        tenant.getSpec().secrets.storeRef.name = LocalPlatform.secretStoreName();
        var minio = LocalPlatform.minio();
        store(TenantSecret.DATABASE_ADMIN, TestDatabase.adminSecretValues());
        store(TenantSecret.OBJECT_STORAGE_ADMIN, Map.of("accessKey", minio.rootUser(), "secretKey", minio.rootPassword(),
                "caCert", Files.readString(minio.caCertificate())));
        // The runtime keys are not in the store yet.
        Tenants.apply(client, tenant);

        // The controller syncs the other two meanwhile: until it has, the message may name one of them.
        await().atMost(Tenants.TIMEOUT).untilAsserted(() -> assertThat(Tenants.condition(client, tenant, SecretsReady))
                .hasValueSatisfying(missing -> {
                    assertThat(missing.getStatus()).isEqualTo("False");
                    assertThat(missing.getReason()).isEqualTo("ExternalSecretNotSynced");
                    assertThat(missing.getMessage()).contains("vettify-" + tenantId + "-runtime-keys")
                            .contains("vettify/" + tenantId + "/runtime-keys");
                }));
        var externalSecrets = client.resources(ExternalSecret.class).inNamespace(tenant.getMetadata().getNamespace())
                .list().getItems();
        assertThat(externalSecrets).hasSize(3).allSatisfy(externalSecret -> {
            assertThat(externalSecret.getSpec().secretStoreRef().name()).isEqualTo(LocalPlatform.secretStoreName());
            assertThat(externalSecret.getMetadata().getOwnerReferences()).singleElement()
                    .satisfies(owner -> assertThat(owner.getName()).isEqualTo(tenant.getMetadata().getName()));
        });

        store(TenantSecret.RUNTIME_KEYS, TenantFixtures.runtimeKeys());

        awaitCondition(client, tenant, SecretsReady, "True", null);
        awaitCondition(client, tenant, DatabaseReady, "True", null);
        var synced = client.secrets().inNamespace(tenant.getMetadata().getNamespace())
                .withName(tenant.getSpec().database.adminSecretRef.name).get();
        assertThat(synced.getData()).containsKeys("host", "port", "username", "password");

        LocalPlatform.removeSecretStoreData(TenantSecret.DATABASE_ADMIN.remoteKey(tenant));
        client.secrets().inNamespace(tenant.getMetadata().getNamespace())
                .withName(tenant.getSpec().database.adminSecretRef.name).delete();
        forceRefresh(tenant.getSpec().database.adminSecretRef.name);

        await().atMost(Tenants.TIMEOUT).untilAsserted(() -> {
            var lost = Tenants.condition(client, tenant, SecretsReady).orElseThrow();
            assertThat(lost.getStatus()).isEqualTo("False");
            assertThat(lost.getReason()).isEqualTo("ExternalSecretNotSynced");
            assertThat(lost.getMessage()).contains(tenant.getSpec().database.adminSecretRef.name)
                    .contains("SecretSyncedError");
        });
    }

    private void store(TenantSecret secret, Map<String, String> values) throws Exception {
        LocalPlatform.putSecretStoreData(secret.remoteKey(tenant), JSON.writeValueAsString(values));
    }

    /**
     * Asks the External Secrets controller to sync now instead of at its next refresh interval. A merge patch without
     * a resourceVersion: the controller and the operator write the ExternalSecret meanwhile.
     */
    private void forceRefresh(String name) {
        client.resources(ExternalSecret.class).inNamespace(tenant.getMetadata().getNamespace()).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\"force-sync\":\"" + System.nanoTime() + "\"}}}");
    }
}
