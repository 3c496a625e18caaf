package io.vettify.operator.redis;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.vettify.operator.secrets.GeneratedSecret;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;

/**
 * A4: the headless Service of a dedicated Redis: the StatefulSet's governing Service, and the name the runtime
 * connects to ({@code <name>.<namespace>.svc:6379}).
 */
@KubernetesDependent(informer = @Informer(labelSelector = GeneratedSecret.SELECTOR))
public class RedisService extends DedicatedRedisResource<Service> {

    public static final int PORT = 6379;

    public RedisService() {
        super(Service.class);
    }

    @Override
    protected Service dedicated(VettifyTenant tenant, Context<VettifyTenant> context) {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(TenantNames.redis(tenant))
                .withNamespace(tenant.getMetadata().getNamespace())
                .withLabels(labels(tenant))
                .endMetadata()
                .withNewSpec()
                .withClusterIP("None")
                .withSelector(selector(tenant))
                .addNewPort().withName("redis").withPort(PORT).withNewTargetPort("redis").withProtocol("TCP").endPort()
                .endSpec()
                .build();
    }
}
