package io.vettify.operator.redis;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.vettify.operator.secrets.GeneratedSecret;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import java.util.Optional;

/** A4: the password of a dedicated Redis, generated once and kept in a Secret the tenant owns. */
@KubernetesDependent(informer = @Informer(labelSelector = GeneratedSecret.SELECTOR))
public class RedisPasswordSecret extends DedicatedRedisResource<Secret> {

    public static final String PASSWORD = "password";

    public RedisPasswordSecret() {
        super(Secret.class);
    }

    @Override
    protected Secret dedicated(VettifyTenant tenant, Context<VettifyTenant> context) {
        var name = TenantNames.redis(tenant);
        return GeneratedSecret.of(tenant, name, Optional.ofNullable(getSecondaryResources(tenant, context).get(name)))
                .withGenerated(PASSWORD, 32)
                .build();
    }
}
