package io.vettify.operator.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vettify.operator.tenant.ConditionType;
import io.vettify.operator.tenant.VettifyTenant;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Reading and awaiting a tenant's state as a platform engineer sees it through the API server. */
public final class Tenants {

    public static final Duration TIMEOUT = Duration.ofSeconds(90);

    private Tenants() {
    }

    public static VettifyTenant apply(KubernetesClient client, VettifyTenant tenant) {
        return client.resources(VettifyTenant.class).resource(tenant).serverSideApply();
    }

    public static VettifyTenant get(KubernetesClient client, VettifyTenant tenant) {
        return client.resources(VettifyTenant.class).inNamespace(tenant.getMetadata().getNamespace())
                .withName(tenant.getMetadata().getName()).get();
    }

    /** Changes the spec as {@code kubectl apply} would: server-side apply, no optimistic lock on the status. */
    public static VettifyTenant edit(KubernetesClient client, VettifyTenant tenant, UnaryOperator<VettifyTenant> edit) {
        var changed = edit.apply(get(client, tenant));
        changed.getMetadata().setResourceVersion(null);
        changed.getMetadata().setManagedFields(null);
        changed.setStatus(null);
        return client.resources(VettifyTenant.class).resource(changed).serverSideApply();
    }

    public static Optional<Condition> condition(KubernetesClient client, VettifyTenant tenant, ConditionType type) {
        var current = get(client, tenant);
        if (current == null || current.getStatus() == null) {
            return Optional.empty();
        }
        return current.getStatus().conditions.stream().filter(c -> c.getType().equals(type.name())).findFirst();
    }

    /** Waits until the condition has the status (and reason, when given) for the tenant's current generation. */
    public static Condition awaitCondition(KubernetesClient client, VettifyTenant tenant, ConditionType type,
            String status, String reason) {
        return await("%s %s/%s".formatted(type, status, reason)).atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    var current = get(client, tenant);
                    return condition(client, tenant, type)
                            .filter(c -> c.getStatus().equals(status))
                            .filter(c -> reason == null || reason.equals(c.getReason()))
                            .filter(c -> c.getObservedGeneration().equals(current.getMetadata().getGeneration()))
                            .orElse(null);
                }, condition -> condition != null);
    }

    public static List<Event> events(KubernetesClient client, VettifyTenant tenant) {
        return client.v1().events().inNamespace(tenant.getMetadata().getNamespace()).list().getItems().stream()
                .filter(event -> tenant.getMetadata().getName().equals(event.getInvolvedObject().getName()))
                .toList();
    }

    /** Deletes the tenant and waits until its finalizer is released and it is gone. */
    public static void deleteAndAwaitGone(KubernetesClient client, VettifyTenant tenant) {
        client.resources(VettifyTenant.class).inNamespace(tenant.getMetadata().getNamespace())
                .withName(tenant.getMetadata().getName()).delete();
        await("tenant deleted").atMost(TIMEOUT).until(() -> get(client, tenant) == null);
    }
}
