package io.vettify.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.operator.runtime.SimulatedRuntimeMetrics.Behaviour;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.testing.OperatorInstance;
import io.vettify.operator.testing.TenantFixtures;
import io.vettify.operator.testing.TestDatabase;
import io.vettify.operator.thirdparty.argo.Rollout;
import io.vettify.platform.testing.LocalPlatformResource;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A6–A8 for real on the local platform: changing {@code spec.runtime.version} from 1.0.0 to 1.1.0 migrates the schema
 * to version 4 first, then the real Argo Rollouts controller walks the canary (setWeight 25/50/100, each followed by a
 * pause and a Prometheus analysis of the canary's own series) while the tenant's status mirrors step and weight. The
 * runtime's pods are simulated by kwok, so the test serves the series their {@code /q/metrics} would show
 * ({@link SimulatedRuntimeMetrics}), good or failing per version, to the platform's real Prometheus.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalPlatformResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OperatorInstance.class, restrictToAnnotatedClass = false)
class RuntimeCanaryTest {

    @Inject
    KubernetesClient client;

    @AfterEach
    void deleteTestNamespaces() {
        TenantFixtures.deleteTestNamespaces(client);
    }

    @Test
    void withGoodSeriesTheCanaryWalksItsStepsAndTheTenantEndsReadyOnTheNewVersion() {
        var tenant = RuntimeTenants.create(client, "canary-ok", "1.0.0");
        RuntimeTenants.await(client, tenant, "ready on 1.0.0", RuntimeTenants::ready);
        try (var metrics = new SimulatedRuntimeMetrics(client, tenant, Map.of())) {
            metrics.awaitIngested();

            RuntimeTenants.upgrade(client, tenant, "1.1.0");

            var walk = new ArrayList<String>();
            var done = awaitRecording(tenant, walk, "Ready on 1.1.0", t -> RuntimeTenants.ready(t)
                    && "1.1.0".equals(t.getStatus().runtime.stableVersion));

            // The status mirrored the walk: Progressing at each weight, in order, with the canary version and step.
            assertThat(walk).containsSubsequence(
                    "Progressing 1.1.0 weight 25", "Progressing 1.1.0 weight 50", "Progressing 1.1.0 weight 100");
            assertThat(walk).doesNotContain("Degraded");
            var runtime = done.getStatus().runtime;
            assertThat(runtime.stableVersion).isEqualTo("1.1.0");
            assertThat(runtime.canaryVersion).isNull();
            assertThat(runtime.canaryWeight).isZero();
            assertThat(runtime.currentStep).isEqualTo(9);
            assertThat(runtime.rolloutPhase).isEqualTo("Healthy");
            assertThat(done.getStatus().schemaVersion).isEqualTo("4");
            assertThat(RuntimeTenants.condition(done, "CanaryHealthy").orElseThrow().getMessage())
                    .isEqualTo("version 1.1.0 serves all 4 replicas");

            // Every step's analysis ran against Prometheus and succeeded: three runs of the new revision.
            var runs = analysisRuns(tenant);
            assertThat(runs).extracting(RuntimeCanaryTest::phase).containsExactly("Successful", "Successful", "Successful");
            // …on the served series, not on empty results: each metric measured values (p95 of 30 ms requests in the
            // 50 ms bucket: 47.5 ms; no 5xx; every lead answered).
            for (var run : runs) {
                assertThat(measuredValues(run, "error-rate")).isNotEmpty().allMatch(v -> v == 0.0);
                assertThat(measuredValues(run, "p95-latency")).isNotEmpty().allMatch(v -> v > 0 && v <= 50);
                assertThat(measuredValues(run, "lead-response-rate")).isNotEmpty().allMatch(v -> v == 1.0);
            }
            assertThat(podVersions(tenant)).containsOnly("1.1.0").hasSize(RuntimeTenants.REPLICAS);
            // Argo Rollouts moved the stable and canary Services to the new pods, and the operator left them there.
            assertServicesSelectTheStableReplicaSet(tenant);

            // Events recorded each transition of the canary ("step 9 of 9": every step done, the stable not yet
            // switched — a moment Argo Rollouts may show or not).
            var progressing = messages(RuntimeTenants.events(client, tenant), "CanaryProgressing");
            assertThat(progressing).allSatisfy(message -> assertThat(message)
                    .matches("CanaryHealthy Unknown: canary 1\\.1\\.0: step [0-9] of 9, weight (25|50|100)% \\(stable 1\\.0\\.0\\)"));
            assertThat(progressing.stream().map(message -> message.replaceAll(".*weight (\\d+)%.*", "$1")).distinct())
                    .containsExactly("25", "50", "100");
            assertThat(messages(RuntimeTenants.events(client, tenant), "Healthy"))
                    .endsWith("CanaryHealthy True: version 1.1.0 serves all 4 replicas");
        }
    }

    @Test
    void withFailingSeriesTheRolloutAbortsAndTheTenantIsDegradedWithTheAnalysisMessage() {
        var tenant = RuntimeTenants.create(client, "canary-bad", "1.0.0");
        RuntimeTenants.await(client, tenant, "ready on 1.0.0", RuntimeTenants::ready);
        try (var metrics = new SimulatedRuntimeMetrics(client, tenant, Map.of("1.1.0", Behaviour.FAILING))) {
            metrics.awaitIngested();

            RuntimeTenants.upgrade(client, tenant, "1.1.0");

            var walk = new ArrayList<String>();
            var degraded = awaitRecording(tenant, walk, "Degraded", t -> "Degraded".equals(String.valueOf(t.getStatus().phase)));

            assertThat(walk).contains("Progressing 1.1.0 weight 25");
            var canaryHealthy = RuntimeTenants.condition(degraded, "CanaryHealthy").orElseThrow();
            assertThat(canaryHealthy.getStatus()).isEqualTo("False");
            assertThat(canaryHealthy.getReason()).isEqualTo("AnalysisFailed");
            assertThat(canaryHealthy.getMessage()).startsWith("canary 1.1.0 aborted, back on 1.0.0: ")
                    .contains("Metric \"error-rate\" assessed Failed due to failed (1) > failureLimit (0)");
            var runtime = degraded.getStatus().runtime;
            assertThat(runtime.stableVersion).isEqualTo("1.0.0");
            assertThat(runtime.canaryVersion).isEqualTo("1.1.0");
            assertThat(runtime.canaryWeight).isZero();
            assertThat(runtime.rolloutPhase).isEqualTo("Degraded");
            assertThat(runtime.analysisRun).startsWith(TenantNames.runtime(tenant) + "-");
            assertThat(runtime.message).contains("Metric \"error-rate\" assessed Failed");
            assertThat(RuntimeTenants.isTrue(degraded, "RuntimeAvailable")).as("the stable pods still serve").isTrue();
            assertThat(RuntimeTenants.isTrue(degraded, "Ready")).isFalse();

            // Automatic rollback: every replica is back on 1.0.0.
            Awaitility.await("all replicas back on 1.0.0").atMost(Duration.ofSeconds(30))
                    .until(() -> podVersions(tenant), versions -> versions.size() == RuntimeTenants.REPLICAS
                            && versions.stream().allMatch("1.0.0"::equals));
            assertThat(analysisRuns(tenant)).extracting(RuntimeCanaryTest::phase).containsExactly("Failed");
            assertServicesSelectTheStableReplicaSet(tenant);

            var warnings = RuntimeTenants.events(client, tenant).stream()
                    .filter(e -> "Warning".equals(e.getType()) && "AnalysisFailed".equals(e.getReason())).toList();
            assertThat(warnings).isNotEmpty();
            assertThat(warnings.get(0).getMessage()).startsWith("CanaryHealthy False: canary 1.1.0 aborted")
                    .contains("Metric \"error-rate\" assessed Failed");
        }
    }

    /**
     * A8: the new release's migrations run before the Rollout changes. The test holds, in an open transaction, a table
     * of the name the version-4 migration creates, so the operator's migration waits on it in flight — and meanwhile
     * the Rollout keeps its 1.0.0 template (without its dependency on the schema, the workflow would reconcile it in
     * parallel, in the very reconciliation that migrates). Once the test rolls back, version 4 is installed and only
     * then does the Rollout's template move to 1.1.0.
     */
    @Test
    void anUpgradeMigratesTheSchemaBeforeTheRolloutChanges() throws Exception {
        var tenant = RuntimeTenants.create(client, "upgrade", "1.0.0");
        RuntimeTenants.await(client, tenant, "ready on 1.0.0", RuntimeTenants::ready);
        var database = TenantNames.databaseName(tenant);
        assertThat(schemaVersions(database)).containsExactly("1", "2", "3");

        Instant rolloutChanged;
        try (var lock = TestDatabase.superuser(database); var statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("CREATE TABLE crm.worker_jobs (held_by_the_test integer)");

            RuntimeTenants.upgrade(client, tenant, "1.1.0");

            Awaitility.await("the operator's migration waits on the lock").atMost(Duration.ofSeconds(60))
                    .until(() -> migrationsWaitingOnALock(database) > 0);
            Awaitility.await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> image(tenant).endsWith(":1.0.0") && schemaVersions(database).size() == 3);
            lock.rollback();
        }
        rolloutChanged = Awaitility.await("the Rollout's template moves to 1.1.0").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> image(tenant).endsWith(":1.1.0") ? Instant.now() : null, Objects::nonNull);

        assertThat(schemaVersions(database)).containsExactly("1", "2", "3", "4");
        var installed = TestDatabase.query(database,
                "SELECT (extract(epoch FROM installed_on) * 1000)::bigint FROM crm_meta.flyway_schema_history"
                        + " WHERE version = '4' AND success");
        assertThat(Instant.ofEpochMilli(Long.parseLong(installed.get(0)))).isBefore(rolloutChanged);
        var upgraded = RuntimeTenants.await(client, tenant, "on schema 4", t -> "4".equals(t.getStatus().schemaVersion));
        assertThat(upgraded.getStatus().schemaVersion).isEqualTo("4");
    }

    /** Awaits {@code condition}, recording each distinct "phase canaryVersion weight" the tenant's status showed. */
    private VettifyTenant awaitRecording(VettifyTenant tenant, List<String> walk, String what,
            java.util.function.Predicate<VettifyTenant> condition) {
        return RuntimeTenants.await(client, tenant, what, t -> {
            var runtime = t.getStatus().runtime;
            var state = runtime == null || runtime.canaryVersion == null ? String.valueOf(t.getStatus().phase)
                    : "%s %s weight %s".formatted(t.getStatus().phase, runtime.canaryVersion, runtime.canaryWeight);
            if (walk.isEmpty() || !walk.get(walk.size() - 1).equals(state)) {
                walk.add(state);
            }
            return condition.test(t);
        });
    }

    private void assertServicesSelectTheStableReplicaSet(VettifyTenant tenant) {
        var namespace = tenant.getMetadata().getNamespace();
        var stableHash = client.resources(Rollout.class).inNamespace(namespace).withName(TenantNames.runtime(tenant)).get()
                .getStatus().stableRS();
        for (var name : List.of(TenantNames.runtimeStableService(tenant), TenantNames.runtimeCanaryService(tenant))) {
            Awaitility.await(name + " selects the stable ReplicaSet " + stableHash).atMost(Duration.ofSeconds(30))
                    .until(() -> client.services().inNamespace(namespace).withName(name).get().getSpec().getSelector(),
                            selector -> stableHash.equals(selector.get(RuntimeLabels.POD_TEMPLATE_HASH))
                                    && selector.entrySet().containsAll(RuntimeLabels.selector(tenant).entrySet()));
        }
    }

    private String image(VettifyTenant tenant) {
        var rollout = client.resources(Rollout.class).inNamespace(tenant.getMetadata().getNamespace())
                .withName(TenantNames.runtime(tenant)).get();
        return rollout.getSpec().template().getSpec().getContainers().get(0).getImage();
    }

    private List<GenericKubernetesResource> analysisRuns(VettifyTenant tenant) {
        return client.genericKubernetesResources("argoproj.io/v1alpha1", "AnalysisRun")
                .inNamespace(tenant.getMetadata().getNamespace()).list().getItems().stream()
                .sorted(java.util.Comparator.comparing(r -> r.getMetadata().getCreationTimestamp()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static String phase(GenericKubernetesResource run) {
        var status = (Map<String, Object>) run.getAdditionalProperties().get("status");
        return status == null ? null : (String) status.get("phase");
    }

    /** The values a metric of an AnalysisRun measured (Argo records each as "[value]"; empty results are skipped). */
    @SuppressWarnings("unchecked")
    private static List<Double> measuredValues(GenericKubernetesResource run, String metric) {
        var status = (Map<String, Object>) run.getAdditionalProperties().get("status");
        var results = (List<Map<String, Object>>) status.getOrDefault("metricResults", List.of());
        return results.stream().filter(r -> metric.equals(r.get("name")))
                .flatMap(r -> ((List<Map<String, Object>>) r.getOrDefault("measurements", List.of())).stream())
                .map(m -> String.valueOf(m.get("value")))
                .filter(v -> v.matches("\\[[-+0-9.eE]+\\]"))
                .map(v -> Double.parseDouble(v.substring(1, v.length() - 1)))
                .toList();
    }

    private List<String> podVersions(VettifyTenant tenant) {
        return client.pods().inNamespace(tenant.getMetadata().getNamespace())
                .withLabels(RuntimeLabels.selector(tenant)).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .map(p -> p.getMetadata().getLabels().get(RuntimeLabels.VERSION)).toList();
    }

    private static List<String> messages(List<Event> events, String reason) {
        return events.stream().filter(e -> reason.equals(e.getReason())).map(Event::getMessage).toList();
    }

    private static List<String> schemaVersions(String database) throws SQLException {
        return TestDatabase.query(database,
                "SELECT version FROM crm_meta.flyway_schema_history WHERE success AND version IS NOT NULL"
                        + " ORDER BY installed_rank");
    }

    private static int migrationsWaitingOnALock(String database) throws SQLException {
        return Integer.parseInt(TestDatabase.query("postgres", "SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                + database + "' AND wait_event_type = 'Lock' AND query ILIKE '%CREATE TABLE crm.worker_jobs%'").get(0));
    }
}
