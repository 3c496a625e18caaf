package io.vettify.operator.tenant;

import static io.vettify.operator.tenant.ConditionType.DatabaseReady;
import static io.vettify.operator.tenant.ConditionType.SchemaMigrated;
import static io.vettify.operator.tenant.ConditionType.SecretsReady;
import static io.vettify.operator.testing.Tenants.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.operator.testing.OperatorInstance;
import io.vettify.operator.testing.TenantFixtures;
import io.vettify.operator.testing.Tenants;
import io.vettify.operator.testing.TestDatabase;
import io.vettify.platform.testing.LocalPlatformResource;
import jakarta.inject.Inject;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** A bad spec or a broken dependency ends in a named condition and a Degraded phase, never in a crash loop. */
@QuarkusTest
@QuarkusTestResource(value = LocalPlatformResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OperatorInstance.class, restrictToAnnotatedClass = false)
class BadInputTest {

    @Inject
    KubernetesClient client;

    @org.junit.jupiter.api.AfterEach
    void deleteTestNamespaces() {
        TenantFixtures.deleteTestNamespaces(client);
    }

    @Test
    void aMissingAdminSecretIsReportedAndProvisioningGoesOnOnceItExists() {
        var tenant = tenantWithoutSecrets("nosecret");
        TenantFixtures.createAdminSecrets(client, tenant);
        client.secrets().inNamespace(tenant.getMetadata().getNamespace())
                .withName(tenant.getSpec().database.adminSecretRef.name).delete();
        Tenants.apply(client, tenant);

        var condition = awaitCondition(client, tenant, SecretsReady, "False", "SecretMissing");
        assertThat(condition.getMessage()).contains(tenant.getSpec().database.adminSecretRef.name)
                .contains("host, port, username, password");
        assertThat(Tenants.condition(client, tenant, DatabaseReady).orElseThrow().getStatus()).isEqualTo("Unknown");
        assertThat(Tenants.get(client, tenant).getStatus().phase).isEqualTo(TenantPhase.Provisioning);

        TenantFixtures.createDatabaseAdminSecret(client, tenant, TestDatabase.adminSecretValues());

        awaitCondition(client, tenant, SchemaMigrated, "True", null);
    }

    @Test
    void aMalformedAdminSecretNamesTheBadKey() {
        var tenant = tenantWithoutSecrets("badport");
        TenantFixtures.createAdminSecrets(client, tenant);
        var values = new HashMap<>(TestDatabase.adminSecretValues());
        values.put("port", "fifteen");
        TenantFixtures.createDatabaseAdminSecret(client, tenant, values);
        Tenants.apply(client, tenant);

        var condition = awaitCondition(client, tenant, DatabaseReady, "False", "SecretInvalid");
        assertThat(condition.getMessage()).contains("port").contains("fifteen");
        assertThat(Tenants.get(client, tenant).getStatus().phase).isEqualTo(TenantPhase.Degraded);
    }

    @Test
    void anUnreachableDatabaseDegradesOnlyItsTenant() {
        var broken = tenantWithoutSecrets("unreach");
        TenantFixtures.createAdminSecrets(client, broken);
        var values = new HashMap<>(TestDatabase.adminSecretValues());
        values.put("port", "1");
        TenantFixtures.createDatabaseAdminSecret(client, broken, values);
        var healthy = tenantWithoutSecrets("healthy");
        TenantFixtures.createAdminSecrets(client, healthy);

        Tenants.apply(client, broken);
        Tenants.apply(client, healthy);

        var condition = awaitCondition(client, broken, DatabaseReady, "False", "DatabaseUnreachable");
        assertThat(condition.getMessage()).contains("127.0.0.1:1");
        assertThat(Tenants.get(client, broken).getStatus().phase).isEqualTo(TenantPhase.Degraded);
        assertThat(Tenants.events(client, broken)).anySatisfy(event -> {
            assertThat(event.getType()).isEqualTo("Warning");
            assertThat(event.getReason()).isEqualTo("DatabaseUnreachable");
        });
        awaitCondition(client, healthy, ConditionType.Ready, "True", null);
        assertThat(Tenants.get(client, healthy).getStatus().phase).isEqualTo(TenantPhase.Ready);
    }

    @Test
    void anUnknownRuntimeVersionIsRefusedBeforeAnyMigration() {
        var tenant = tenantWithoutSecrets("unknownver");
        tenant.getSpec().runtime.version = "9.9.9";
        TenantFixtures.createAdminSecrets(client, tenant);
        Tenants.apply(client, tenant);

        var condition = awaitCondition(client, tenant, SchemaMigrated, "False", "UnknownRuntimeVersion");
        assertThat(condition.getMessage()).contains("9.9.9").contains("1.0.0, 1.1.0");
        awaitCondition(client, tenant, DatabaseReady, "True", null);
    }

    private VettifyTenant tenantWithoutSecrets(String prefix) {
        var tenantId = TenantFixtures.uniqueTenantId(prefix);
        return TenantFixtures.tenant(TenantFixtures.newNamespace(client, tenantId), tenantId);
    }
}
