package io.vettify.operator.database;

import static io.vettify.operator.tenant.ConditionType.DatabaseReady;
import static io.vettify.operator.tenant.ConditionType.SchemaMigrated;
import static io.vettify.operator.testing.Tenants.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec.DeletionPolicy;
import io.vettify.operator.testing.OperatorInstance;
import io.vettify.operator.testing.TenantFixtures;
import io.vettify.operator.testing.Tenants;
import io.vettify.operator.testing.TestDatabase;
import io.vettify.platform.testing.LocalPlatformResource;
import jakarta.inject.Inject;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalPlatformResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OperatorInstance.class, restrictToAnnotatedClass = false)
class TenantDeletionTest {

    @Inject
    KubernetesClient client;

    @org.junit.jupiter.api.AfterEach
    void deleteTestNamespaces() {
        TenantFixtures.deleteTestNamespaces(client);
    }

    @Test
    void retainKeepsTheDatabaseAndItsRoles() throws Exception {
        var tenant = provisioned("retain", DeletionPolicy.Retain);

        Tenants.deleteAndAwaitGone(client, tenant);

        assertThat(TestDatabase.databaseExists(TenantNames.databaseName(tenant))).isTrue();
        assertThat(TestDatabase.roleExists(TenantNames.runtimeRole(tenant))).isTrue();
        assertThat(Tenants.events(client, tenant)).extracting(event -> event.getReason()).contains("DatabaseRetained");
    }

    @Test
    void deleteDropsTheDatabaseAndItsRoles() throws Exception {
        var tenant = provisioned("delete", DeletionPolicy.Delete);

        Tenants.deleteAndAwaitGone(client, tenant);

        assertThat(TestDatabase.databaseExists(TenantNames.databaseName(tenant))).isFalse();
        assertThat(TestDatabase.roleExists(TenantNames.runtimeRole(tenant))).isFalse();
        assertThat(TestDatabase.roleExists(TenantNames.ownerRole(tenant))).isFalse();
        assertThat(Tenants.events(client, tenant)).extracting(event -> event.getReason()).contains("DatabaseDropped");
    }

    @Test
    void deletionFinishesWhenTheDatabaseServerIsGoneAndSaysWhatWasLeft() {
        var tenantId = TenantFixtures.uniqueTenantId("gone");
        var tenant = TenantFixtures.tenant(TenantFixtures.newNamespace(client, tenantId), tenantId);
        tenant.getSpec().deletionPolicy = DeletionPolicy.Delete;
        TenantFixtures.createAdminSecrets(client, tenant);
        var unreachable = new HashMap<>(TestDatabase.adminSecretValues());
        unreachable.put("port", "1");
        TenantFixtures.createDatabaseAdminSecret(client, tenant, unreachable);
        Tenants.apply(client, tenant);
        awaitCondition(client, tenant, DatabaseReady, "False", "DatabaseUnreachable");

        Tenants.deleteAndAwaitGone(client, tenant);

        assertThat(Tenants.events(client, tenant)).anySatisfy(event -> {
            assertThat(event.getType()).isEqualTo("Warning");
            assertThat(event.getReason()).isEqualTo("DatabaseNotDropped");
            assertThat(event.getMessage()).contains("released after").contains(TenantNames.databaseName(tenant));
        });
    }

    private VettifyTenant provisioned(String prefix, DeletionPolicy policy) {
        var tenantId = TenantFixtures.uniqueTenantId(prefix);
        var tenant = TenantFixtures.tenant(TenantFixtures.newNamespace(client, tenantId), tenantId);
        tenant.getSpec().deletionPolicy = policy;
        TenantFixtures.createAdminSecrets(client, tenant);
        Tenants.apply(client, tenant);
        awaitCondition(client, tenant, SchemaMigrated, "True", null);
        return tenant;
    }
}
