package io.vettify.operator.runtime;

import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;

/** A6: the Rollout's {@code stableService}: Argo Rollouts points it at the stable ReplicaSet's pods. */
@KubernetesDependent(informer = @Informer(labelSelector = RuntimeLabels.INFORMER_SELECTOR))
public class RuntimeStableService extends AbstractRuntimeService {

    @Override
    String name(VettifyTenant tenant) {
        return TenantNames.runtimeStableService(tenant);
    }

    @Override
    String role() {
        return "stable";
    }
}
