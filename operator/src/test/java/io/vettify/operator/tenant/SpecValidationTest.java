package io.vettify.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.operator.testing.OperatorInstance;
import io.vettify.operator.testing.TenantFixtures;
import io.vettify.operator.testing.Tenants;
import io.vettify.platform.testing.LocalPlatformResource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The API server itself refuses what the CRD's schema and CEL rules forbid. */
@QuarkusTest
@QuarkusTestResource(value = LocalPlatformResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OperatorInstance.class, restrictToAnnotatedClass = false)
class SpecValidationTest {

    @Inject
    KubernetesClient client;

    @org.junit.jupiter.api.AfterEach
    void deleteTestNamespaces() {
        TenantFixtures.deleteTestNamespaces(client);
    }

    @Test
    void changingTheTenantIdIsRefused() {
        var tenantId = TenantFixtures.uniqueTenantId("immut");
        var tenant = TenantFixtures.tenant(TenantFixtures.newNamespace(client, tenantId), tenantId);
        Tenants.apply(client, tenant);

        assertThatThrownBy(() -> Tenants.edit(client, tenant, t -> {
            t.getSpec().tenantId = "another";
            return t;
        })).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).isEqualTo(422);
            assertThat(e.getMessage()).contains("tenantId is immutable");
        });
        assertThat(Tenants.get(client, tenant).getSpec().tenantId).isEqualTo(tenantId);
    }

    @Test
    void invalidSpecsAreRefusedWithTheFieldAndTheRule() {
        refused(t -> t.getSpec().tenantId = "Bad_Id", "spec.tenantId", "should match");
        refused(t -> t.getSpec().warehouses = List.of("cluj", "Not A Warehouse"), "spec.warehouses[1]", "should match");
        refused(t -> t.getSpec().runtime.version = "latest", "spec.runtime.version", "should match");
        refused(t -> t.getSpec().runtime.canary.steps = List.of(50, 10), "spec.runtime.canary.steps",
                "canary steps must increase");
        refused(t -> t.getSpec().runtime.canary.steps = List.of(10, 150), "spec.runtime.canary.steps",
                "canary steps are weights from 1 to 100");
        refused(t -> {
            t.getSpec().secrets.mode = VettifyTenantSpec.SecretsMode.ExternalSecrets;
            t.getSpec().secrets.storeRef = null;
        }, "spec.secrets", "secrets.mode ExternalSecrets needs secrets.storeRef");
        refused(t -> t.getSpec().redis.mode = VettifyTenantSpec.RedisMode.External, "spec.redis",
                "redis.mode External needs redis.urlSecretRef");
        refused(t -> t.getSpec().database = null, "spec.database", "Required value");
    }

    private void refused(Consumer<VettifyTenant> change, String field, String message) {
        var tenantId = TenantFixtures.uniqueTenantId("invalid");
        var tenant = TenantFixtures.tenant("default", tenantId);
        change.accept(tenant);
        assertThatThrownBy(() -> Tenants.apply(client, tenant))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains(field).contains(message);
                });
    }
}
