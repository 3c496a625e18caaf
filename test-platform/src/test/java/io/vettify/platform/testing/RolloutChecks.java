package io.vettify.platform.testing;

import static io.vettify.platform.testing.Resources.ANALYSIS_RUN;
import static io.vettify.platform.testing.Resources.ANALYSIS_TEMPLATE;
import static io.vettify.platform.testing.Resources.ROLLOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The Rollout checks the local platform and K3s share: a 5-replica canary Rollout (setWeight 20 → analysis → setWeight
 * 60 → pause 1 s) whose AnalysisTemplate queries Prometheus; a good series lets a template change complete, a bad one
 * aborts it with every replica back on the stable ReplicaSet.
 */
final class RolloutChecks {

    static final int REPLICAS = 5;
    static final String METRIC = "vettify_test_http_error_ratio";
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    private RolloutChecks() {
    }

    /** The series {@code query} shows a good error ratio: the canary completes. */
    static void goodSeriesCompletes(KubernetesClient client, String namespace, String name, URI prometheus, String query) {
        Canary canary = new Canary(client, namespace, name, prometheus, query);
        canary.createAndAwaitHealthy();
        String stable = canary.stableHash();

        canary.changeTemplate();

        GenericKubernetesResource done = canary.await("Healthy on the new revision",
                r -> "Healthy".equals(phase(r)) && !stable.equals(status(r, "stableRS"))
                        && status(r, "stableRS").equals(status(r, "currentPodHash")));
        assertThat(Resources.<Object>path(done, "status", "currentStepIndex")).contains(4);
        assertThat(canary.replicasByHash()).containsEntry(status(done, "stableRS"), REPLICAS)
                .containsEntry(stable, 0);
        assertThat(canary.analysisRunPhases()).containsExactly("Successful");
    }

    /** The series {@code query} shows a bad error ratio: the canary is aborted, Degraded, replicas stay stable. */
    static void badSeriesAborts(KubernetesClient client, String namespace, String name, URI prometheus, String query) {
        Canary canary = new Canary(client, namespace, name, prometheus, query);
        canary.createAndAwaitHealthy();
        String stable = canary.stableHash();

        canary.changeTemplate();

        GenericKubernetesResource aborted = canary.await("Degraded, aborted",
                r -> "Degraded".equals(phase(r)) && Boolean.TRUE.equals(Resources.path(r, "status", "abort").orElse(null))
                        && canary.replicasByHash().getOrDefault(stable, 0) == REPLICAS
                        && canary.replicasByHash().values().stream().mapToInt(Integer::intValue).sum() == REPLICAS);
        assertThat(status(aborted, "message"))
                .startsWith("RolloutAborted: Rollout aborted update to revision 2")
                .contains("Metric \"error-rate\" assessed Failed due to failed (1) > failureLimit (0)");
        assertThat(status(aborted, "stableRS")).isEqualTo(stable);
        assertThat(canary.replicasByHash()).hasSize(2).containsEntry(stable, REPLICAS).containsValue(0);
        assertThat(canary.readyPodsOf(stable)).isEqualTo(REPLICAS);
        assertThat(canary.analysisRunPhases()).containsExactly("Failed");
    }

    static String phase(GenericKubernetesResource rollout) {
        return status(rollout, "phase");
    }

    static String status(GenericKubernetesResource rollout, String field) {
        return Resources.<Object>path(rollout, "status", field).map(String::valueOf).orElse("");
    }

    /** A canary Rollout and its Prometheus AnalysisTemplate (error ratio below 5 %). */
    static final class Canary {
        private final KubernetesClient client;
        private final String namespace;
        private final String name;
        private final URI prometheus;
        private final String query;

        Canary(KubernetesClient client, String namespace, String name, URI prometheus, String query) {
            this.client = client;
            this.namespace = namespace;
            this.name = name;
            this.prometheus = prometheus;
            this.query = query;
        }

        void createAndAwaitHealthy() {
            client.genericKubernetesResources(ANALYSIS_TEMPLATE).inNamespace(namespace).resource(Serialization.unmarshal("""
                    apiVersion: argoproj.io/v1alpha1
                    kind: AnalysisTemplate
                    metadata:
                      name: %s-error-rate
                    spec:
                      metrics:
                        - name: error-rate
                          successCondition: result[0] < 0.05
                          failureLimit: 0
                          provider:
                            prometheus:
                              address: %s
                              query: '%s'
                    """.formatted(name, prometheus, query), GenericKubernetesResource.class)).create();
            client.genericKubernetesResources(ROLLOUT).inNamespace(namespace).resource(Serialization.unmarshal("""
                    apiVersion: argoproj.io/v1alpha1
                    kind: Rollout
                    metadata:
                      name: %1$s
                    spec:
                      replicas: %2$d
                      revisionHistoryLimit: 2
                      selector:
                        matchLabels: {app: %1$s}
                      template:
                        metadata:
                          labels: {app: %1$s}
                        spec:
                          containers:
                            - name: web
                              image: registry.vettify.invalid/web:1
                      strategy:
                        canary:
                          steps:
                            - setWeight: 20
                            - analysis:
                                templates:
                                  - templateName: %1$s-error-rate
                            - setWeight: 60
                            - pause: {duration: 1s}
                    """.formatted(name, REPLICAS), GenericKubernetesResource.class)).create();
            await("the first revision Healthy", r -> "Healthy".equals(phase(r)) && !status(r, "stableRS").isEmpty());
        }

        String stableHash() {
            return status(get(), "stableRS");
        }

        @SuppressWarnings("unchecked")
        void changeTemplate() {
            client.genericKubernetesResources(ROLLOUT).inNamespace(namespace).withName(name).edit(r -> {
                Map<String, Object> podSpec = Resources.<Map<String, Object>>path(r, "spec", "template", "spec").orElseThrow();
                ((List<Map<String, Object>>) podSpec.get("containers")).get(0).put("image", "registry.vettify.invalid/web:2");
                return r;
            });
        }

        GenericKubernetesResource get() {
            return client.genericKubernetesResources(ROLLOUT).inNamespace(namespace).withName(name).get();
        }

        GenericKubernetesResource await(String what, Predicate<GenericKubernetesResource> condition) {
            return org.awaitility.Awaitility.await("Rollout " + name + ": " + what).atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .until(this::get, r -> r != null && condition.test(r));
        }

        /** spec.replicas of each of the Rollout's ReplicaSets, by pod-template hash. */
        Map<String, Integer> replicasByHash() {
            return replicaSets().stream().collect(Collectors.toMap(
                    rs -> rs.getMetadata().getLabels().get("rollouts-pod-template-hash"),
                    rs -> rs.getSpec().getReplicas()));
        }

        int readyPodsOf(String hash) {
            return (int) client.pods().inNamespace(namespace)
                    .withLabel("app", name).withLabel("rollouts-pod-template-hash", hash).list().getItems().stream()
                    .filter(p -> p.getStatus().getConditions().stream()
                            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
                    .count();
        }

        private List<ReplicaSet> replicaSets() {
            return client.apps().replicaSets().inNamespace(namespace).withLabel("app", name).list().getItems();
        }

        List<String> analysisRunPhases() {
            return client.genericKubernetesResources(ANALYSIS_RUN).inNamespace(namespace).list().getItems().stream()
                    .filter(run -> run.getMetadata().getOwnerReferences().stream().anyMatch(o -> name.equals(o.getName())))
                    .map(run -> status(run, "phase"))
                    .toList();
        }
    }
}
