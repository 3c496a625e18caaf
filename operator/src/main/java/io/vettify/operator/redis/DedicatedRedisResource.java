package io.vettify.operator.redis;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.vettify.operator.secrets.GeneratedSecret;
import io.vettify.operator.tenant.ConditionType;
import io.vettify.operator.tenant.TenantDependent;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec.RedisMode;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A resource of a {@code Dedicated} Redis, named {@link TenantNames#redis}: one in that mode, none in {@code External}
 * mode (an existing one is deleted when the tenant switches). A bulk dependent of zero or one resource rather than a
 * reconcile precondition: a precondition that does not hold makes the workflow skip, and delete, every dependent after
 * it, and the runtime Secret and Rollout come after Redis in both modes.
 */
abstract class DedicatedRedisResource<R extends HasMetadata> extends CRUDKubernetesDependentResource<R, VettifyTenant>
        implements BulkDependentResource<R, VettifyTenant, String>, TenantDependent {

    DedicatedRedisResource(Class<R> resourceType) {
        super(resourceType);
    }

    /** The resource in {@code Dedicated} mode. */
    protected abstract R dedicated(VettifyTenant tenant, Context<VettifyTenant> context);

    @Override
    public ConditionType condition() {
        return ConditionType.RedisReady;
    }

    @Override
    public Map<String, R> desiredResources(VettifyTenant tenant, Context<VettifyTenant> context) {
        if (tenant.getSpec().redis.mode != RedisMode.Dedicated) {
            return Map.of();
        }
        return Map.of(TenantNames.redis(tenant), dedicated(tenant, context));
    }

    /** Only the resource of this name: other resources of the type (e.g. the tenant's other Secrets) are not ours. */
    @Override
    public Map<String, R> getSecondaryResources(VettifyTenant tenant, Context<VettifyTenant> context) {
        var name = TenantNames.redis(tenant);
        return context.getSecondaryResourcesAsStream(resourceType())
                .filter(resource -> resource.getMetadata().getName().equals(name)
                        && resource.getMetadata().getNamespace().equals(tenant.getMetadata().getNamespace()))
                .collect(Collectors.toMap(resource -> resource.getMetadata().getName(), Function.identity(),
                        (first, same) -> first));
    }

    @Override
    public void deleteTargetResource(VettifyTenant tenant, R resource, String name, Context<VettifyTenant> context) {
        context.getClient().resource(resource).delete();
    }

    static Map<String, String> labels(VettifyTenant tenant) {
        return Map.of("app.kubernetes.io/name", "redis",
                "app.kubernetes.io/instance", TenantNames.redis(tenant),
                "app.kubernetes.io/part-of", "vettify",
                GeneratedSecret.MANAGED_BY, GeneratedSecret.OPERATOR,
                "vettify.io/tenant", tenant.getSpec().tenantId);
    }

    /** The labels the Service and the StatefulSet select the pods by (a StatefulSet's selector is immutable). */
    static Map<String, String> selector(VettifyTenant tenant) {
        return Map.of("app.kubernetes.io/name", "redis", "app.kubernetes.io/instance", TenantNames.redis(tenant));
    }
}
