package io.vettify.operator.runtime;

import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.vettify.operator.tenant.ConditionType;
import io.vettify.operator.tenant.TenantDependent;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec.AnalysisSpec;
import io.vettify.operator.thirdparty.argo.AnalysisTemplate;
import io.vettify.operator.thirdparty.argo.AnalysisTemplateSpec;
import io.vettify.operator.thirdparty.argo.AnalysisTemplateSpec.Metric;
import io.vettify.operator.thirdparty.argo.AnalysisTemplateSpec.Prometheus;
import io.vettify.operator.thirdparty.argo.AnalysisTemplateSpec.Provider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;

/**
 * A6: the {@code AnalysisTemplate} every canary step runs: three Prometheus metrics over the canary's own series (the
 * pods of the canary ReplicaSet, selected by the pod-template hash the Rollout passes as {@code canary-hash}, which
 * the ServiceMonitor copies onto every series), with the tenant's thresholds.
 *
 * <ul>
 * <li>{@code error-rate}: the ratio of 5xx responses among the tenant's requests, at most {@code maxErrorRate};</li>
 * <li>{@code p95-latency}: the 95th percentile of the request duration in ms, at most {@code maxP95Ms};</li>
 * <li>{@code lead-response-rate}: the share of settled leads answered within their SLA ({@code
 * vettify_lead_responses_total{outcome="responded"}} among all outcomes), at least {@code minLeadResponseRate}.</li>
 * </ul>
 *
 * A window without requests (or without settled leads) has nothing to judge: the query is empty or NaN, and the
 * measurement passes. The conditions are complementary, so a measurement is never inconclusive.
 */
@KubernetesDependent(informer = @Informer(labelSelector = RuntimeLabels.INFORMER_SELECTOR))
public class RuntimeAnalysisTemplate extends CRUDKubernetesDependentResource<AnalysisTemplate, VettifyTenant>
        implements TenantDependent {

    /** The argument the Rollout's analysis steps set to the canary ReplicaSet's pod-template hash. */
    public static final String CANARY_HASH_ARG = "canary-hash";
    public static final String ERROR_RATE = "error-rate";
    public static final String P95_LATENCY = "p95-latency";
    public static final String LEAD_RESPONSE_RATE = "lead-response-rate";

    /** The runtime's request counter and histogram (Micrometer, labelled with the caller's tenant {@code tid}). */
    public static final String HTTP_REQUESTS = "http_server_requests_seconds";
    /** The runtime's lead-response SLI: one increment per settled lead, {@code outcome} responded or missed. */
    public static final String LEAD_RESPONSES = "vettify_lead_responses_total";

    @Inject
    CanaryAnalysisConfig config;

    public RuntimeAnalysisTemplate() {
        super(AnalysisTemplate.class);
    }

    @Override
    public ConditionType condition() {
        return ConditionType.RuntimeAvailable;
    }

    @Override
    protected AnalysisTemplate desired(VettifyTenant tenant, Context<VettifyTenant> context) {
        var analysis = tenant.getSpec().runtime.canary.analysis;
        var template = new AnalysisTemplate();
        template.setMetadata(RuntimeLabels.metadata(tenant, TenantNames.runtimeAnalysisTemplate(tenant)));
        template.setSpec(new AnalysisTemplateSpec(
                List.of(new AnalysisTemplateSpec.Argument(CANARY_HASH_ARG, null)),
                metrics(tenant, analysis)));
        return template;
    }

    List<Metric> metrics(VettifyTenant tenant, AnalysisSpec analysis) {
        var canary = canarySelector(tenant);
        var window = "[" + config.rateWindow() + "]";
        var errorRate = "(sum(rate(%1$s_count{%2$s,status=~\"5..\"}%3$s)) or vector(0))"
                + " / sum(rate(%1$s_count{%2$s}%3$s))";
        var p95 = "histogram_quantile(0.95, sum by (le) (rate(%1$s_bucket{%2$s}%3$s))) * 1000";
        var leads = "(sum(rate(%1$s{%2$s,outcome=\"responded\"}%3$s)) or vector(0)) / sum(rate(%1$s{%2$s}%3$s))";
        return List.of(
                metric(analysis, ERROR_RATE, errorRate.formatted(HTTP_REQUESTS, canary, window),
                        atMost(number(analysis.maxErrorRate))),
                metric(analysis, P95_LATENCY, p95.formatted(HTTP_REQUESTS, canary, window),
                        atMost(String.valueOf(analysis.maxP95Ms))),
                metric(analysis, LEAD_RESPONSE_RATE, leads.formatted(LEAD_RESPONSES, canary, window),
                        atLeast(number(analysis.minLeadResponseRate))));
    }

    /** The canary's series: the tenant's requests, on the pods of the canary ReplicaSet, in the tenant's namespace. */
    static String canarySelector(VettifyTenant tenant) {
        return "namespace=\"%s\",tid=\"%s\",%s=\"{{args.%s}}\"".formatted(tenant.getMetadata().getNamespace(),
                TenantNames.tenantId(tenant), RuntimeLabels.POD_TEMPLATE_HASH.replace('-', '_'), CANARY_HASH_ARG);
    }

    private Metric metric(AnalysisSpec analysis, String name, String query, Conditions conditions) {
        return new Metric(name, config.interval(), config.count(), config.failureLimit(),
                config.consecutiveErrorLimit(), conditions.success(), conditions.failure(),
                new Provider(new Prometheus(analysis.prometheusUrl, query, config.queryTimeoutSeconds())));
    }

    /** Success and failure conditions (Argo's expr syntax over {@code result}, the query's vector). */
    record Conditions(String success, String failure) {
    }

    static Conditions atMost(String limit) {
        return new Conditions("len(result) == 0 || isNaN(result[0]) || result[0] <= " + limit,
                "len(result) > 0 && result[0] > " + limit);
    }

    static Conditions atLeast(String limit) {
        return new Conditions("len(result) == 0 || isNaN(result[0]) || result[0] >= " + limit,
                "len(result) > 0 && result[0] < " + limit);
    }

    private static String number(Double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
