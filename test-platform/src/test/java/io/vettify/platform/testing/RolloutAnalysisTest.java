package io.vettify.platform.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

/**
 * Argo Rollouts on the local platform, with canary analysis on the Prometheus provider: the test serves the queried
 * series itself ({@link PrometheusSeries}, scraped every second); each test has its own job, metric labels, template
 * and Rollout. A good series lets a template change go setWeight 20 → analysis → setWeight 60 → pause → Healthy; a bad
 * one aborts it: Degraded with the metric's failure, every replica back on the stable ReplicaSet.
 */
@ExtendWith(LocalPlatformExtension.class)
class RolloutAnalysisTest {

    private static String namespace;

    @BeforeAll
    static void namespace(KubernetesClient client) {
        namespace = Resources.createNamespace(client, "rollout-analysis");
    }

    @AfterAll
    static void cleanUp(KubernetesClient client) {
        Resources.deleteNamespace(client, namespace);
    }

    @Test
    void aGoodSeriesLetsTheCanaryComplete(KubernetesClient client) {
        String id = Resources.unique();
        try (PrometheusSeries series = PrometheusSeries.start()) {
            String query = serve(series, id, 0.01);
            RolloutChecks.goodSeriesCompletes(client, namespace, "web-" + id, LocalPlatform.prometheusUrl(), query);
        }
    }

    @Test
    void aBadSeriesAbortsTheCanaryAndKeepsTheStableReplicaSet(KubernetesClient client) {
        String id = Resources.unique();
        try (PrometheusSeries series = PrometheusSeries.start()) {
            String query = serve(series, id, 0.5);
            RolloutChecks.badSeriesAborts(client, namespace, "web-" + id, LocalPlatform.prometheusUrl(), query);
        }
    }

    /** Serves the series, registers it, waits until Prometheus has it; returns the PromQL the template queries. */
    private static String serve(PrometheusSeries series, String id, double errorRatio) {
        series.gauge(RolloutChecks.METRIC, Map.of("rollout", id), errorRatio);
        series.register("rollout-analysis-" + id);
        String query = RolloutChecks.METRIC + "{job=\"rollout-analysis-" + id + "\",rollout=\"" + id + "\"}";
        series.awaitIngested(query);
        return query;
    }
}
