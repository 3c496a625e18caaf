package io.vettify.operator.runtime;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.vettify.operator.tenant.ConditionType;
import io.vettify.operator.tenant.TenantDependent;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.thirdparty.monitoring.ServiceMonitor;
import io.vettify.operator.thirdparty.monitoring.ServiceMonitorSpec;
import io.vettify.operator.thirdparty.monitoring.ServiceMonitorSpec.Endpoint;
import io.vettify.operator.thirdparty.monitoring.ServiceMonitorSpec.NamespaceSelector;
import java.util.List;

/**
 * A6: Prometheus scrapes the runtime's {@code /q/metrics} on every pod, once, through {@link RuntimeService}; the
 * pods' {@code rollouts-pod-template-hash} and version become labels of every series
 * ({@code rollouts_pod_template_hash}, {@code app_kubernetes_io_version}), which is how the canary analysis selects
 * the canary's series. (The Prometheus operator adds {@code namespace}, {@code service} and {@code pod}.)
 */
@KubernetesDependent(informer = @Informer(labelSelector = RuntimeLabels.INFORMER_SELECTOR))
public class RuntimeServiceMonitor extends CRUDKubernetesDependentResource<ServiceMonitor, VettifyTenant>
        implements TenantDependent {

    static final String METRICS_PATH = "/q/metrics";
    static final String SCRAPE_INTERVAL = "15s";

    public RuntimeServiceMonitor() {
        super(ServiceMonitor.class);
    }

    @Override
    public ConditionType condition() {
        return ConditionType.RuntimeAvailable;
    }

    @Override
    protected ServiceMonitor desired(VettifyTenant tenant, Context<VettifyTenant> context) {
        var monitor = new ServiceMonitor();
        monitor.setMetadata(RuntimeLabels.metadata(tenant, TenantNames.runtime(tenant)));
        monitor.setSpec(new ServiceMonitorSpec(
                new LabelSelectorBuilder()
                        .addToMatchLabels(RuntimeLabels.TENANT, TenantNames.tenantId(tenant))
                        .addToMatchLabels(RuntimeLabels.SERVICE_ROLE, "all")
                        .build(),
                new NamespaceSelector(List.of(tenant.getMetadata().getNamespace())),
                List.of(new Endpoint(AbstractRuntimeService.PORT_NAME, METRICS_PATH, "http", SCRAPE_INTERVAL)),
                List.of(RuntimeLabels.POD_TEMPLATE_HASH, RuntimeLabels.VERSION)));
        return monitor;
    }
}
