package io.vettify.operator.database;

import static io.vettify.operator.tenant.ConditionType.DatabaseReady;
import static io.vettify.operator.tenant.ConditionType.SchemaMigrated;
import static io.vettify.operator.tenant.ConditionType.SecretsReady;
import static io.vettify.operator.testing.Tenants.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.testing.OperatorInstance;
import io.vettify.operator.testing.TenantFixtures;
import io.vettify.operator.testing.Tenants;
import io.vettify.operator.testing.TestDatabase;
import io.vettify.platform.testing.LocalPlatformResource;
import io.vettify.platform.testing.LocalServices;
import jakarta.inject.Inject;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalPlatformResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OperatorInstance.class, restrictToAnnotatedClass = false)
class DatabaseProvisioningTest {

    @Inject
    KubernetesClient client;

    @org.junit.jupiter.api.AfterEach
    void deleteTestNamespaces() {
        TenantFixtures.deleteTestNamespaces(client);
    }

    @Test
    void provisionsTheDatabaseRolesAndTheRuntimeSchemaWithForcedRowLevelSecurity() throws Exception {
        var tenant = newProvidedTenant("db");

        awaitCondition(client, tenant, SecretsReady, "True", null);
        awaitCondition(client, tenant, DatabaseReady, "True", null);
        awaitCondition(client, tenant, SchemaMigrated, "True", null);

        var database = TenantNames.databaseName(tenant);
        assertThat(Tenants.get(client, tenant).getStatus().schemaVersion).isEqualTo("3");
        assertThat(TestDatabase.query("postgres", "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '"
                + database + "'")).containsExactly(TenantNames.ownerRole(tenant));
        assertThat(TestDatabase.query(database, """
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'crm' AND c.relkind = 'r' AND c.relrowsecurity AND c.relforcerowsecurity ORDER BY 1"""))
                .contains("accounts", "contacts", "leads", "opportunities", "campaigns", "sales_orders",
                        "account_timeline");
        assertThat(TestDatabase.query(database, """
                SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'crm' AND c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity)"""))
                .containsExactly("0");

        try (var runtime = DriverManager.getConnection(jdbcUrl(database), TenantNames.runtimeRole(tenant),
                runtimePassword(tenant)); var statement = runtime.createStatement()) {
            statement.execute("SELECT set_config('app.tid', '" + tenant.getSpec().tenantId + "', false), set_config('app.whid', '', false)");
            try (var rows = statement.executeQuery("SELECT count(*) FROM crm.leads")) {
                assertThat(rows.next()).isTrue();
            }
            assertThatThrownBy(() -> statement.execute("CREATE TABLE crm.intruder (id int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
        assertThat(Tenants.events(client, tenant)).extracting(event -> event.getReason())
                .contains("Ready", "NotProvisioned");
    }

    @Test
    void upgradingTheRuntimeVersionMigratesTheSchemaToThatRelease() throws Exception {
        var tenant = newProvidedTenant("upg");
        awaitCondition(client, tenant, SchemaMigrated, "True", null);
        assertThat(Tenants.get(client, tenant).getStatus().schemaVersion).isEqualTo("3");
        var database = TenantNames.databaseName(tenant);
        assertThat(workerJobsTables(database)).isEmpty();

        Tenants.edit(client, tenant, t -> {
            t.getSpec().runtime.version = "1.1.0";
            return t;
        });

        awaitCondition(client, tenant, SchemaMigrated, "True", null);
        await().atMost(Tenants.TIMEOUT).until(() -> "4".equals(Tenants.get(client, tenant).getStatus().schemaVersion));
        assertThat(workerJobsTables(database)).containsExactly("worker_jobs");
        assertThat(TestDatabase.query(database, "SELECT relforcerowsecurity FROM pg_class WHERE relname = 'worker_jobs'"))
                .containsExactly("t");
    }

    @Test
    void reconcilingAgainChangesNothingAndKeepsTheGeneratedPasswords() throws Exception {
        var tenant = newProvidedTenant("idem");
        awaitCondition(client, tenant, SchemaMigrated, "True", null);
        var password = runtimePassword(tenant);

        Tenants.edit(client, tenant, t -> {
            t.getSpec().displayName = "Renamed";
            return t;
        });

        awaitCondition(client, tenant, SchemaMigrated, "True", null);
        assertThat(runtimePassword(tenant)).isEqualTo(password);
        try (var runtime = DriverManager.getConnection(jdbcUrl(TenantNames.databaseName(tenant)),
                TenantNames.runtimeRole(tenant), password)) {
            assertThat(runtime.isValid(2)).isTrue();
        }
    }

    private VettifyTenant newProvidedTenant(String prefix) {
        var tenantId = TenantFixtures.uniqueTenantId(prefix);
        var namespace = TenantFixtures.newNamespace(client, tenantId);
        var tenant = TenantFixtures.tenant(namespace, tenantId);
        TenantFixtures.createAdminSecrets(client, tenant);
        Tenants.apply(client, tenant);
        return tenant;
    }

    private String runtimePassword(VettifyTenant tenant) {
        var secret = client.secrets().inNamespace(tenant.getMetadata().getNamespace())
                .withName(TenantNames.databaseRolesSecret(tenant)).get();
        return new String(Base64.getDecoder().decode(secret.getData().get(DatabaseRolesSecret.RUNTIME_PASSWORD)));
    }

    private static java.util.List<String> workerJobsTables(String database) throws SQLException {
        return TestDatabase.query(database, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'crm'"
                + " AND table_name = 'worker_jobs'");
    }

    private static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + LocalServices.pgPort() + "/" + database;
    }
}
