package io.vettify.operator.runtime;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.vettify.operator.tenant.ConditionType;
import io.vettify.operator.tenant.TenantDependent;
import io.vettify.operator.tenant.VettifyTenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A ClusterIP Service in front of the tenant's runtime pods, port {@value #PORT_NAME} (80 → the container's 8080).
 *
 * <p>Argo Rollouts adds {@code rollouts-pod-template-hash} to the selector of the stable and canary Services (and an
 * annotation naming the Rollout). The selector is an atomic map, so a plain server-side apply would take it back and
 * fight the Rollouts controller; the match below ignores that key, and an update (when our own part changed) keeps
 * the hash the controller set.
 */
abstract class AbstractRuntimeService extends CRUDKubernetesDependentResource<Service, VettifyTenant>
        implements TenantDependent {

    static final String PORT_NAME = "http";
    static final int PORT = 80;

    AbstractRuntimeService() {
        super(Service.class);
    }

    /** The Service's name. */
    abstract String name(VettifyTenant tenant);

    /** {@code all}, {@code stable} or {@code canary}: the value of {@link RuntimeLabels#SERVICE_ROLE}. */
    abstract String role();

    @Override
    public ConditionType condition() {
        return ConditionType.RuntimeAvailable;
    }

    @Override
    protected Service desired(VettifyTenant tenant, Context<VettifyTenant> context) {
        return new ServiceBuilder()
                .withMetadata(RuntimeLabels.metadata(tenant, name(tenant), Map.of(RuntimeLabels.SERVICE_ROLE, role())))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(RuntimeLabels.selector(tenant))
                .withPorts(port())
                .endSpec()
                .build();
    }

    static ServicePort port() {
        return new ServicePortBuilder()
                .withName(PORT_NAME)
                .withProtocol("TCP")
                .withPort(PORT)
                .withTargetPort(new IntOrString(RuntimeRollout.CONTAINER_PORT_NAME))
                .build();
    }

    @Override
    public Matcher.Result<Service> match(Service actual, Service desired, VettifyTenant tenant,
            Context<VettifyTenant> context) {
        var actualSelector = new HashMap<>(Objects.requireNonNullElse(actual.getSpec().getSelector(), Map.of()));
        var hash = actualSelector.remove(RuntimeLabels.POD_TEMPLATE_HASH);
        if (hash != null) {
            desired.getSpec().getSelector().put(RuntimeLabels.POD_TEMPLATE_HASH, hash);
        }
        var actualLabels = Objects.requireNonNullElse(actual.getMetadata().getLabels(), Map.<String, String>of());
        boolean matches = actualLabels.entrySet().containsAll(desired.getMetadata().getLabels().entrySet())
                && actualSelector.equals(RuntimeLabels.selector(tenant))
                && "ClusterIP".equals(actual.getSpec().getType())
                && samePorts(actual.getSpec().getPorts(), desired.getSpec().getPorts());
        return Matcher.Result.computed(matches, desired);
    }

    private static boolean samePorts(List<ServicePort> actual, List<ServicePort> desired) {
        if (actual == null || actual.size() != desired.size()) {
            return false;
        }
        for (int i = 0; i < desired.size(); i++) {
            var a = actual.get(i);
            var d = desired.get(i);
            if (!Objects.equals(a.getName(), d.getName()) || !Objects.equals(a.getPort(), d.getPort())
                    || !Objects.equals(a.getProtocol(), d.getProtocol())
                    || !Objects.equals(a.getTargetPort(), d.getTargetPort())) {
                return false;
            }
        }
        return true;
    }
}
