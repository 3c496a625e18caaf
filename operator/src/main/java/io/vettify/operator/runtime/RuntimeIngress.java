package io.vettify.operator.runtime;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.vettify.operator.tenant.ConditionType;
import io.vettify.operator.tenant.TenantDependent;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;

/**
 * A6: {@code spec.runtime.host} through Traefik ({@code ingressClassName: traefik}) to {@link RuntimeService}, i.e. to
 * every runtime pod: without a traffic router, the canary's share of the requests is its share of the replicas.
 */
@KubernetesDependent(informer = @Informer(labelSelector = RuntimeLabels.INFORMER_SELECTOR))
public class RuntimeIngress extends CRUDKubernetesDependentResource<Ingress, VettifyTenant> implements TenantDependent {

    static final String INGRESS_CLASS = "traefik";

    public RuntimeIngress() {
        super(Ingress.class);
    }

    @Override
    public ConditionType condition() {
        return ConditionType.RuntimeAvailable;
    }

    @Override
    protected Ingress desired(VettifyTenant tenant, Context<VettifyTenant> context) {
        return new IngressBuilder()
                .withMetadata(RuntimeLabels.metadata(tenant, TenantNames.runtime(tenant)))
                .withNewSpec()
                .withIngressClassName(INGRESS_CLASS)
                .addNewRule()
                .withHost(tenant.getSpec().runtime.host)
                .withNewHttp()
                .addNewPath()
                .withPath("/")
                .withPathType("Prefix")
                .withNewBackend()
                .withNewService()
                .withName(TenantNames.runtime(tenant))
                .withNewPort().withName(AbstractRuntimeService.PORT_NAME).endPort()
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .endSpec()
                .build();
    }
}
