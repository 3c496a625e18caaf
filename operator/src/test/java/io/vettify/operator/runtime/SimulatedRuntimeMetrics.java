package io.vettify.operator.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.platform.testing.PrometheusSeries;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's metrics as Prometheus would scrape them through the tenant's ServiceMonitor, for pods that kwok only
 * simulates: for every ready runtime pod, the counters of {@code /q/metrics} grow as that pod serves requests and
 * settles leads, labelled as the ServiceMonitor labels them ({@code namespace}, {@code pod}, and the pod labels
 * {@code rollouts_pod_template_hash}, {@code app_kubernetes_io_version}). How a pod behaves depends on its version.
 * Only the runtime's pods (its Rollout's selector): the tenant's other pods, e.g. a dedicated Redis, serve nothing.
 */
final class SimulatedRuntimeMetrics implements AutoCloseable {

    /** How the pods of a version serve: their 5xx ratio, request latency and share of leads answered in time. */
    record Behaviour(double errorRatio, double latencySeconds, double leadResponseRatio) {
        static final Behaviour GOOD = new Behaviour(0.0, 0.03, 1.0);
        static final Behaviour FAILING = new Behaviour(0.5, 0.03, 1.0);
    }

    static final String[] BUCKETS = { "0.05", "0.1", "0.25", "0.5", "1.0", "+Inf" };
    private static final int REQUESTS_PER_TICK = 10;

    private final KubernetesClient client;
    private final String namespace;
    private final String tenantId;
    private final Map<String, String> podSelector;
    private final Map<String, Behaviour> behaviourByVersion;
    private final PrometheusSeries series;
    private final Map<String, double[]> totalsByPod = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "simulated-runtime-metrics");
        thread.setDaemon(true);
        return thread;
    });

    SimulatedRuntimeMetrics(KubernetesClient client, VettifyTenant tenant, Map<String, Behaviour> behaviourByVersion) {
        this.client = client;
        this.namespace = tenant.getMetadata().getNamespace();
        this.tenantId = tenant.getSpec().tenantId;
        this.podSelector = RuntimeLabels.selector(tenant);
        this.behaviourByVersion = Map.copyOf(behaviourByVersion);
        this.series = PrometheusSeries.start();
        tickQuietly();
        series.register("vettify-runtime-" + tenantId);
        ticker.scheduleAtFixedRate(this::tickQuietly, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Waits until Prometheus holds the tenant's request series. */
    void awaitIngested() {
        series.awaitIngested("http_server_requests_seconds_count{tid=\"%s\",namespace=\"%s\"}".formatted(tenantId,
                namespace));
    }

    /** A PromQL query against the same Prometheus (e.g. the AnalysisTemplate's, with its argument filled in). */
    java.util.OptionalDouble query(String promql) {
        return series.query(promql);
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            System.err.println("simulated runtime metrics: " + e);
        }
    }

    private void tick() {
        for (var pod : client.pods().inNamespace(namespace).withLabels(podSelector).list().getItems()) {
            if (!ready(pod)) {
                continue;
            }
            var labels = pod.getMetadata().getLabels();
            var version = labels.get(RuntimeLabels.VERSION);
            var behaviour = version == null ? Behaviour.GOOD : behaviourByVersion.getOrDefault(version, Behaviour.GOOD);
            var totals = totalsByPod.computeIfAbsent(pod.getMetadata().getName(), name -> new double[4]);
            double errors = Math.round(REQUESTS_PER_TICK * behaviour.errorRatio());
            totals[0] += REQUESTS_PER_TICK - errors;
            totals[1] += errors;
            double responded = behaviour.leadResponseRatio();
            totals[2] += responded;
            totals[3] += 1 - responded;

            var base = new LinkedHashMap<String, String>();
            base.put("namespace", namespace);
            base.put("pod", pod.getMetadata().getName());
            base.put("tid", tenantId);
            base.put("rollouts_pod_template_hash", labels.getOrDefault(RuntimeLabels.POD_TEMPLATE_HASH, ""));
            base.put("app_kubernetes_io_version", version == null ? "" : version);
            requests(base, "200", "SUCCESS", totals[0], behaviour.latencySeconds());
            requests(base, "500", "SERVER_ERROR", totals[1], behaviour.latencySeconds());
            series.counter(RuntimeAnalysisTemplate.LEAD_RESPONSES, with(base, "outcome", "responded"), totals[2]);
            series.counter(RuntimeAnalysisTemplate.LEAD_RESPONSES, with(base, "outcome", "missed"), totals[3]);
        }
    }

    private void requests(Map<String, String> base, String status, String outcome, double count, double latency) {
        var labels = new HashMap<>(base);
        labels.put("uri", "/v1/leads");
        labels.put("method", "GET");
        labels.put("status", status);
        labels.put("outcome", outcome);
        series.counter(RuntimeAnalysisTemplate.HTTP_REQUESTS + "_count", labels, count);
        for (var bucket : BUCKETS) {
            boolean within = bucket.equals("+Inf") || latency <= Double.parseDouble(bucket);
            series.counter(RuntimeAnalysisTemplate.HTTP_REQUESTS + "_bucket", with(labels, "le", bucket),
                    within ? count : 0);
        }
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        var copy = new HashMap<>(labels);
        copy.put(name, value);
        return copy;
    }

    private static boolean ready(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null && pod.getStatus() != null
                && pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        series.close();
    }
}
