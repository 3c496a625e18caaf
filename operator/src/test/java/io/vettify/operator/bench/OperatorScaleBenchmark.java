package io.vettify.operator.bench;

import static io.vettify.operator.tenant.ConditionType.SchemaMigrated;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.testing.OperatorInstance;
import io.vettify.operator.testing.TenantFixtures;
import io.vettify.operator.testing.Tenants;
import io.vettify.platform.testing.LocalPlatformResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures (does not test): how long the operator takes to bring {@value #TENANTS} tenants, applied at once, to the
 * database-ready state (database, roles, migrations with RLS, grants: SchemaMigrated=True) against the local API
 * server and PostgreSQL. {@code ./vettify bench operator}; results in operator/target/benchmarks/operator-scale.txt.
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(value = LocalPlatformResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OperatorInstance.class, restrictToAnnotatedClass = false)
class OperatorScaleBenchmark {

    static final int TENANTS = Integer.getInteger("vettify.bench.tenants", 50);

    @Inject
    KubernetesClient client;

    @AfterEach
    void deleteTestNamespaces() {
        TenantFixtures.deleteTestNamespaces(client);
    }

    @Test
    void tenantsToDatabaseReady() throws IOException {
        var tenants = new ArrayList<VettifyTenant>();
        for (int i = 0; i < TENANTS; i++) {
            var tenantId = TenantFixtures.uniqueTenantId("bench");
            var tenant = TenantFixtures.tenant(TenantFixtures.newNamespace(client, tenantId), tenantId);
            TenantFixtures.createAdminSecrets(client, tenant);
            tenants.add(tenant);
        }
        var start = Instant.now();
        tenants.forEach(tenant -> Tenants.apply(client, tenant));
        var readyAt = new HashMap<String, Duration>();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (var tenant : tenants) {
                var name = tenant.getMetadata().getName();
                if (!readyAt.containsKey(name) && Tenants.condition(client, tenant, SchemaMigrated)
                        .filter(condition -> "True".equals(condition.getStatus())).isPresent()) {
                    readyAt.put(name, Duration.between(start, Instant.now()));
                }
            }
            return readyAt.size() == tenants.size();
        });
        report(readyAt);
    }

    private static void report(Map<String, Duration> readyAt) throws IOException {
        List<Long> millis = readyAt.values().stream().map(Duration::toMillis).sorted().toList();
        var report = """
                operator scale benchmark: %d tenants applied at once -> SchemaMigrated=True (database ready)
                machine: %d cores, Java %s; operator reconciliation threads: 8 (quarkus.operator-sdk.concurrent-reconciliation-threads)
                all ready after: %.1f s  (%.2f tenants/s)
                per tenant: p50 %.1f s, p95 %.1f s, first %.1f s
                """.formatted(millis.size(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), millis.get(millis.size() - 1) / 1000.0,
                millis.size() * 1000.0 / millis.get(millis.size() - 1), percentile(millis, 50) / 1000.0,
                percentile(millis, 95) / 1000.0, millis.get(0) / 1000.0);
        System.out.print(report);
        var out = Path.of("target/benchmarks/operator-scale.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static long percentile(List<Long> sorted, int percentile) {
        return sorted.get(Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
