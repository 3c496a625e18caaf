package io.vettify.operator.runtime;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.DetailedCondition;
import io.vettify.operator.tenant.Readiness;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.thirdparty.argo.Rollout;

/**
 * RuntimeAvailable: the Rollout serves, i.e. at least one of its pods is available — whether it is Healthy, walking a
 * canary (Progressing, Paused) or back on its stable pods after an aborted canary (CanaryHealthy tells those apart).
 */
public class RolloutAvailableCondition implements DetailedCondition<Rollout, VettifyTenant, Readiness> {

    @Override
    public Result<Readiness> detailedIsMet(DependentResource<Rollout, VettifyTenant> dependent, VettifyTenant tenant,
            Context<VettifyTenant> context) {
        var rollout = dependent.getSecondaryResource(tenant, context).orElse(null);
        if (rollout == null) {
            return Readiness.notReady("RolloutMissing", "the runtime's Rollout does not exist yet");
        }
        var status = rollout.getStatus();
        int available = status == null || status.availableReplicas() == null ? 0 : status.availableReplicas();
        if (available >= 1) {
            return Readiness.ready();
        }
        var wanted = rollout.getSpec() == null ? null : rollout.getSpec().replicas();
        var detail = status == null || status.phase() == null ? "not yet observed by the Argo Rollouts controller"
                : "phase " + status.phase() + (status.message() == null || status.message().isBlank() ? ""
                        : ": " + status.message());
        return Readiness.notReady("RolloutNotAvailable", "Rollout %s: 0 of %s replicas available (%s)"
                .formatted(rollout.getMetadata().getName(), wanted, detail));
    }
}
