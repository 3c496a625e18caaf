package io.vettify.operator.redis;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.DetailedCondition;
import io.vettify.operator.tenant.Readiness;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec.RedisMode;
import java.util.Objects;

/**
 * RedisReady: a dedicated Redis when its StatefulSet's replicas are all ready (for the current spec); an External
 * one when its URL Secret holds a Redis URL (a missing or malformed one fails, named, through {@link RedisUrl}).
 */
public class RedisReadyCondition implements DetailedCondition<StatefulSet, VettifyTenant, Readiness> {

    @Override
    public Result<Readiness> detailedIsMet(DependentResource<StatefulSet, VettifyTenant> dependent,
            VettifyTenant tenant, Context<VettifyTenant> context) {
        if (tenant.getSpec().redis.mode == RedisMode.External) {
            RedisUrl.of(tenant, context.getClient());
            return Readiness.ready();
        }
        var name = TenantNames.redis(tenant);
        var statefulSet = context.getSecondaryResourcesAsStream(StatefulSet.class)
                .filter(candidate -> candidate.getMetadata().getName().equals(name)
                        && candidate.getMetadata().getNamespace().equals(tenant.getMetadata().getNamespace()))
                .findFirst();
        if (statefulSet.isEmpty()) {
            return Readiness.notReady("RedisStarting", "StatefulSet %s is not there yet".formatted(name));
        }
        var status = statefulSet.get().getStatus();
        int wanted = Objects.requireNonNullElse(statefulSet.get().getSpec().getReplicas(), 1);
        int ready = status == null ? 0 : Objects.requireNonNullElse(status.getReadyReplicas(), 0);
        boolean current = status != null && status.getObservedGeneration() != null
                && status.getObservedGeneration() >= statefulSet.get().getMetadata().getGeneration();
        if (current && ready >= wanted) {
            return Readiness.ready();
        }
        return Readiness.notReady("RedisStarting",
                "StatefulSet %s: %d of %d replicas ready".formatted(name, ready, wanted));
    }
}
