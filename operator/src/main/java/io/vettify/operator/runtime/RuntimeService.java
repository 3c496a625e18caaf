package io.vettify.operator.runtime;

import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;

/**
 * A6: the Service for all of the runtime's pods, stable and canary alike: the Ingress routes to it, so without a
 * traffic router the canary's share of the requests is its share of the replicas (Argo Rollouts' basic canary), and
 * the ServiceMonitor scrapes every pod through it once.
 */
@KubernetesDependent(informer = @Informer(labelSelector = RuntimeLabels.INFORMER_SELECTOR))
public class RuntimeService extends AbstractRuntimeService {

    @Override
    String name(VettifyTenant tenant) {
        return TenantNames.runtime(tenant);
    }

    @Override
    String role() {
        return "all";
    }
}
