package io.vettify.operator.runtime;

import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;

/**
 * A6: the Rollout's {@code canaryService}: Argo Rollouts points it at the canary ReplicaSet's pods while a canary
 * runs, and back at the stable ones otherwise (so a smoke test or a header route can always reach "the new version").
 */
@KubernetesDependent(informer = @Informer(labelSelector = RuntimeLabels.INFORMER_SELECTOR))
public class RuntimeCanaryService extends AbstractRuntimeService {

    @Override
    String name(VettifyTenant tenant) {
        return TenantNames.runtimeCanaryService(tenant);
    }

    @Override
    String role() {
        return "canary";
    }
}
