package io.vettify.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.thirdparty.argo.AnalysisTemplate;
import io.vettify.operator.thirdparty.argo.Rollout;
import io.vettify.operator.thirdparty.monitoring.ServiceMonitor;
import io.vettify.operator.testing.OperatorInstance;
import io.vettify.operator.testing.TenantFixtures;
import io.vettify.platform.testing.LocalPlatform;
import io.vettify.platform.testing.LocalPlatformResource;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A6 on the local platform: a tenant on runtime 1.0.0 gets its Rollout, AnalysisTemplate, three Services, Ingress and
 * ServiceMonitor, each with the expected content, each stored by the real API server under the upstream CRD schemas
 * without losing a field (every field the operator applies is in the stored object: nothing was pruned), the Rollout
 * accepted and brought to Healthy by the real Argo Rollouts controller, and the tenant Ready with its runtime status.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalPlatformResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OperatorInstance.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuntimeDependentsTest {

    @Inject
    KubernetesClient client;

    @Inject
    CanaryAnalysisConfig analysisConfig;

    VettifyTenant tenant;
    String tid;
    String namespace;

    @BeforeAll
    void applyTenant() {
        tenant = RuntimeTenants.create(client, "deps", "1.0.0");
        tid = tenant.getSpec().tenantId;
        namespace = tenant.getMetadata().getNamespace();
        tenant = RuntimeTenants.await(client, tenant, "Ready", RuntimeTenants::ready);
    }

    @AfterAll
    void deleteTenant() {
        TenantFixtures.deleteTestNamespaces(client);
    }

    @Test
    void theTenantIsReadyOnItsFirstVersionWithItsRuntimeStatusMirrored() {
        assertThat(tenant.getStatus().conditions).extracting("type", "status").contains(
                tuple("SecretsReady", "True"), tuple("DatabaseReady", "True"), tuple("SchemaMigrated", "True"),
                tuple("RuntimeAvailable", "True"), tuple("CanaryHealthy", "True"));
        if (RuntimeTenants.unprovided(tenant).isEmpty()) {
            assertThat(tenant.getStatus().phase).hasToString("Ready");
            assertThat(RuntimeTenants.isTrue(tenant, "Ready")).isTrue();
        } else {
            // This build's workflow has no bucket and Redis dependents yet: everything else is True.
            assertThat(RuntimeTenants.unprovided(tenant)).containsExactly("BucketReady");
            assertThat(tenant.getStatus().phase).hasToString("Provisioning");
        }
        assertThat(RuntimeTenants.condition(tenant, "CanaryHealthy").orElseThrow().getMessage())
                .isEqualTo("version 1.0.0 serves all 4 replicas");
        var runtime = tenant.getStatus().runtime;
        assertThat(runtime.stableVersion).isEqualTo("1.0.0");
        assertThat(runtime.canaryVersion).isNull();
        assertThat(runtime.canaryWeight).isZero();
        assertThat(runtime.rolloutPhase).isEqualTo("Healthy");
        assertThat(runtime.currentStep).isEqualTo(9);
        assertThat(tenant.getStatus().schemaVersion).isEqualTo("3");
    }

    @Test
    void theRolloutRunsTheImageFromTheRuntimeSecretAsNonRootWithACanaryOfSetWeightPauseAndAnalysisSteps() {
        var rollout = client.resources(Rollout.class).inNamespace(namespace).withName(TenantNames.runtime(tenant)).get();
        assertOwnedByTheTenant(rollout);
        assertThat(rollout.getMetadata().getLabels()).containsEntry("vettify.io/tenant", tid);
        var spec = rollout.getSpec();
        assertThat(spec.replicas()).isEqualTo(4);
        assertThat(spec.selector().getMatchLabels()).isEqualTo(RuntimeLabels.selector(tenant));
        assertThat(spec.template().getMetadata().getLabels()).containsEntry("vettify.io/tenant", tid)
                .containsEntry("app.kubernetes.io/version", "1.0.0");
        var pod = spec.template().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(1000L);
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        var container = pod.getContainers().get(0);
        assertThat(container.getImage()).isEqualTo(RuntimeTenants.IMAGE + ":1.0.0");
        assertThat(container.getEnvFrom()).singleElement()
                .satisfies(from -> assertThat(from.getSecretRef().getName()).isEqualTo("vettify-" + tid + "-runtime"));
        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(8080);
        });
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getRunAsUser()).isEqualTo(1000L);
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");

        var canary = spec.strategy().canary();
        assertThat(canary.stableService()).isEqualTo("vettify-" + tid + "-runtime-stable");
        assertThat(canary.canaryService()).isEqualTo("vettify-" + tid + "-runtime-canary");
        assertThat(canary.steps()).hasSize(9);
        for (int i = 0; i < 3; i++) {
            assertThat(canary.steps().get(3 * i).setWeight()).isEqualTo(List.of(25, 50, 100).get(i));
            assertThat(canary.steps().get(3 * i + 1).pause().duration()).isEqualTo("2s");
            var analysis = canary.steps().get(3 * i + 2).analysis();
            assertThat(analysis.templates()).singleElement()
                    .satisfies(ref -> assertThat(ref.templateName()).isEqualTo("vettify-" + tid + "-runtime-analysis"));
            assertThat(analysis.args()).singleElement().satisfies(arg -> {
                assertThat(arg.name()).isEqualTo("canary-hash");
                assertThat(arg.valueFrom().podTemplateHashValue()).isEqualTo("Latest");
            });
        }
        // Accepted by the Argo Rollouts controller: an invalid spec would be Degraded with InvalidSpec.
        assertThat(rollout.getStatus().phase()).isEqualTo("Healthy");
        assertThat(rollout.getStatus().availableReplicas()).isEqualTo(4);
        assertStoredWithoutPruning(new RuntimeRollout().desired(tenant, null), rollout);
    }

    @Test
    void theAnalysisTemplateQueriesTheCanarysSeriesWithTheTenantsThresholds() {
        var template = client.resources(AnalysisTemplate.class).inNamespace(namespace)
                .withName(TenantNames.runtimeAnalysisTemplate(tenant)).get();
        assertOwnedByTheTenant(template);
        assertThat(template.getSpec().args()).singleElement()
                .satisfies(arg -> assertThat(arg.name()).isEqualTo("canary-hash"));
        var metrics = template.getSpec().metrics();
        assertThat(metrics).extracting("name").containsExactly("error-rate", "p95-latency", "lead-response-rate");
        var selector = "namespace=\"%s\",tid=\"%s\",rollouts_pod_template_hash=\"{{args.canary-hash}}\""
                .formatted(namespace, tid);
        for (var metric : metrics) {
            assertThat(metric.interval()).isEqualTo("2s");
            assertThat(metric.count()).isEqualTo(2);
            assertThat(metric.failureLimit()).isZero();
            assertThat(metric.provider().prometheus().address()).isEqualTo(LocalPlatform.prometheusUrl().toString());
            assertThat(metric.provider().prometheus().query()).contains(selector);
        }
        assertThat(metrics.get(0).provider().prometheus().query())
                .contains("http_server_requests_seconds_count{" + selector + ",status=~\"5..\"}[10s]");
        assertThat(metrics.get(0).successCondition()).endsWith("result[0] <= 0.05");
        assertThat(metrics.get(0).failureCondition()).isEqualTo("len(result) > 0 && result[0] > 0.05");
        assertThat(metrics.get(1).provider().prometheus().query())
                .startsWith("histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket{");
        assertThat(metrics.get(1).successCondition()).endsWith("result[0] <= 250");
        assertThat(metrics.get(2).provider().prometheus().query()).contains("vettify_lead_responses_total{");
        assertThat(metrics.get(2).successCondition()).endsWith("result[0] >= 0.9");
        var dependent = new RuntimeAnalysisTemplate();
        dependent.config = analysisConfig;
        assertStoredWithoutPruning(dependent.desired(tenant, null), template);
    }

    @Test
    void theStableAndCanaryServicesArePointedAtTheStableReplicaSetByArgoRollouts() {
        var rollout = client.resources(Rollout.class).inNamespace(namespace).withName(TenantNames.runtime(tenant)).get();
        var stableHash = rollout.getStatus().stableRS();
        var all = service(TenantNames.runtime(tenant));
        var stable = service(TenantNames.runtimeStableService(tenant));
        var canary = service(TenantNames.runtimeCanaryService(tenant));
        for (var service : List.of(all, stable, canary)) {
            assertOwnedByTheTenant(service);
            assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getPort()).isEqualTo(80);
                assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
            });
        }
        assertThat(all.getSpec().getSelector()).isEqualTo(RuntimeLabels.selector(tenant));
        assertThat(stable.getSpec().getSelector()).containsAllEntriesOf(RuntimeLabels.selector(tenant))
                .containsEntry("rollouts-pod-template-hash", stableHash);
        assertThat(canary.getSpec().getSelector()).containsEntry("rollouts-pod-template-hash", stableHash);
        assertThat(stable.getMetadata().getAnnotations())
                .containsEntry("argo-rollouts.argoproj.io/managed-by-rollouts", TenantNames.runtime(tenant));
        assertStoredWithoutPruning(new RuntimeService().desired(tenant, null), all);
        assertStoredWithoutPruning(new RuntimeStableService().desired(tenant, null), stable);
    }

    @Test
    void theIngressRoutesTheHostThroughTraefikToEveryRuntimePod() {
        var ingress = client.network().v1().ingresses().inNamespace(namespace).withName(TenantNames.runtime(tenant))
                .get();
        assertOwnedByTheTenant(ingress);
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("traefik");
        var rule = ingress.getSpec().getRules().get(0);
        assertThat(rule.getHost()).isEqualTo(tenant.getSpec().runtime.host);
        var backend = rule.getHttp().getPaths().get(0).getBackend().getService();
        assertThat(backend.getName()).isEqualTo(TenantNames.runtime(tenant));
        assertThat(backend.getPort().getName()).isEqualTo("http");
        assertStoredWithoutPruning(new RuntimeIngress().desired(tenant, null), ingress);
    }

    @Test
    void theServiceMonitorScrapesQMetricsWithThePodTemplateHashAsALabel() {
        var monitor = client.resources(ServiceMonitor.class).inNamespace(namespace)
                .withName(TenantNames.runtime(tenant)).get();
        assertOwnedByTheTenant(monitor);
        assertThat(monitor.getSpec().selector().getMatchLabels())
                .containsEntry("vettify.io/tenant", tid).containsEntry("vettify.io/runtime-service", "all");
        assertThat(monitor.getSpec().endpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.port()).isEqualTo("http");
            assertThat(endpoint.path()).isEqualTo("/q/metrics");
        });
        assertThat(monitor.getSpec().podTargetLabels()).contains("rollouts-pod-template-hash");
        // The Service it selects is the one for all pods, and only that one.
        assertThat(client.services().inNamespace(namespace).withLabels(monitor.getSpec().selector().getMatchLabels())
                .list().getItems()).extracting(s -> s.getMetadata().getName())
                .containsExactly(TenantNames.runtime(tenant));
        assertStoredWithoutPruning(new RuntimeServiceMonitor().desired(tenant, null), monitor);
    }

    private Service service(String name) {
        return client.services().inNamespace(namespace).withName(name).get();
    }

    private void assertOwnedByTheTenant(HasMetadata resource) {
        assertThat(resource).as("the %s", resource == null ? "resource" : resource.getKind()).isNotNull();
        assertThat(resource.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("VettifyTenant");
            assertThat(owner.getUid()).isEqualTo(tenant.getMetadata().getUid());
        });
    }

    /**
     * Every field of what the operator applies is in the object the API server stored (read back untyped): the
     * upstream CRD schema (structural, pruning unknown fields) kept them all, so none is silently dropped.
     */
    private void assertStoredWithoutPruning(HasMetadata desired, HasMetadata typedStored) {
        var stored = client.genericKubernetesResources(typedStored.getApiVersion(), typedStored.getKind())
                .inNamespace(namespace).withName(typedStored.getMetadata().getName()).get();
        var serialization = client.getKubernetesSerialization();
        var desiredJson = serialization.convertValue(desired, JsonNode.class);
        var storedJson = serialization.convertValue(stored, JsonNode.class);
        assertSubset(desired.getKind(), desiredJson.get("spec"), storedJson.get("spec"));
        assertSubset(desired.getKind() + ".metadata.labels", desiredJson.at("/metadata/labels"),
                storedJson.at("/metadata/labels"));
    }

    private static void assertSubset(String path, JsonNode expected, JsonNode actual) {
        assertThat(actual).as(path + " is stored").isNotNull();
        assertThat(actual.isMissingNode()).as(path + " is stored").isFalse();
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext();) {
                var field = fields.next();
                assertSubset(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()));
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSubset(path + "[" + i + "]", expected.get(i), actual.get(i));
            }
        } else if (expected.isNumber()) {
            assertThat(actual.decimalValue()).as(path).isEqualByComparingTo(expected.decimalValue());
        } else {
            assertThat(actual.asText()).as(path).isEqualTo(expected.asText());
        }
    }
}
