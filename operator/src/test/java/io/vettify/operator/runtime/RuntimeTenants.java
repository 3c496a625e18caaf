package io.vettify.operator.runtime;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec.DeletionPolicy;
import io.vettify.operator.testing.TenantFixtures;
import io.vettify.operator.testing.Tenants;
import io.vettify.platform.testing.LocalPlatform;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Tenants for the runtime tests: Provided secrets on the local PostgreSQL and MinIO ({@link TenantFixtures}), four
 * runtime replicas of an image kwok pretends to run, a canary of 25, 50 and 100 % with 2 s pauses, analysed on the local
 * platform's Prometheus; deletionPolicy Delete, so the shared PostgreSQL keeps nothing of them.
 */
final class RuntimeTenants {

    static final String IMAGE = "registry.vettify.invalid/crm-runtime";
    static final int REPLICAS = 4;
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private RuntimeTenants() {
    }

    /** Creates the namespace, the admin Secrets and the tenant on {@code version}; returns the tenant as applied. */
    static VettifyTenant create(KubernetesClient client, String prefix, String version) {
        var tenantId = TenantFixtures.uniqueTenantId(prefix);
        var tenant = TenantFixtures.tenant(TenantFixtures.newNamespace(client, tenantId), tenantId);
        var runtime = tenant.getSpec().runtime;
        runtime.image = IMAGE;
        runtime.version = version;
        runtime.replicas = REPLICAS;
        runtime.canary.steps = List.of(25, 50, 100);
        runtime.canary.pause = "2s";
        runtime.canary.analysis.prometheusUrl = LocalPlatform.prometheusUrl().toString();
        runtime.canary.analysis.maxErrorRate = 0.05;
        runtime.canary.analysis.maxP95Ms = 250;
        runtime.canary.analysis.minLeadResponseRate = 0.9;
        tenant.getSpec().deletionPolicy = DeletionPolicy.Delete;
        TenantFixtures.createAdminSecrets(client, tenant);
        return Tenants.apply(client, tenant);
    }

    /** Changes {@code spec.runtime.version}: an upgrade. */
    static void upgrade(KubernetesClient client, VettifyTenant tenant, String version) {
        Tenants.edit(client, tenant, t -> {
            t.getSpec().runtime.version = version;
            return t;
        });
    }

    /** Waits until the tenant satisfies {@code condition}; the timeout names what was awaited. */
    static VettifyTenant await(KubernetesClient client, VettifyTenant tenant, String what,
            Predicate<VettifyTenant> condition) {
        var last = new java.util.concurrent.atomic.AtomicReference<VettifyTenant>();
        try {
            return org.awaitility.Awaitility.await("tenant " + tenant.getMetadata().getName() + ": " + what)
                    .atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        var current = Tenants.get(client, tenant);
                        last.set(current);
                        return current;
                    }, t -> t != null && t.getStatus() != null && condition.test(t));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("tenant %s not %s within %s; last status: %s".formatted(
                    tenant.getMetadata().getName(), what, TIMEOUT, describe(last.get())), e);
        }
    }

    /** The tenant's phase, runtime block and conditions, for failure messages. */
    static String describe(VettifyTenant tenant) {
        if (tenant == null || tenant.getStatus() == null) {
            return "none";
        }
        var status = tenant.getStatus();
        var runtime = status.runtime;
        var text = new StringBuilder("phase ").append(status.phase).append(", generation ")
                .append(tenant.getMetadata().getGeneration()).append(" observed ").append(status.observedGeneration);
        if (runtime != null) {
            text.append(", runtime {stable ").append(runtime.stableVersion).append(", canary ")
                    .append(runtime.canaryVersion).append(", weight ").append(runtime.canaryWeight).append(", step ")
                    .append(runtime.currentStep).append(", rollout ").append(runtime.rolloutPhase).append(", analysis ")
                    .append(runtime.analysisRun).append(", message ").append(runtime.message).append('}');
        }
        for (var condition : status.conditions) {
            text.append("\n  ").append(condition.getType()).append(' ').append(condition.getStatus()).append(' ')
                    .append(condition.getReason()).append(": ").append(condition.getMessage());
        }
        return text.toString();
    }

    /**
     * Ready for the current generation, with its runtime mirrored. On a build whose workflow has no dependent yet for
     * some conditions (reason NotProvisioned: BucketReady and RedisReady until the bucket and Redis dependents land),
     * Ready cannot be True: then every other condition must be True and Ready wait only for those.
     */
    static boolean ready(VettifyTenant tenant) {
        if (tenant.getStatus().runtime == null
                || !tenant.getMetadata().getGeneration().equals(tenant.getStatus().observedGeneration)) {
            return false;
        }
        var unprovided = unprovided(tenant);
        if (unprovided.isEmpty()) {
            return isTrue(tenant, "Ready") && "Ready".equals(String.valueOf(tenant.getStatus().phase));
        }
        return tenant.getStatus().conditions.stream().allMatch(c -> "True".equals(c.getStatus())
                || unprovided.contains(c.getType())
                || c.getType().equals("Ready") && c.getMessage().equals("waiting for " + unprovided.get(0))
                || "Waiting".equals(c.getReason()) && c.getMessage().equals("waiting for " + unprovided.get(0)));
    }

    /** The conditions no dependent of this build reports. */
    static List<String> unprovided(VettifyTenant tenant) {
        return tenant.getStatus().conditions.stream().filter(c -> "NotProvisioned".equals(c.getReason()))
                .map(Condition::getType).toList();
    }

    static Optional<Condition> condition(VettifyTenant tenant, String type) {
        return tenant.getStatus() == null ? Optional.empty()
                : tenant.getStatus().conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    static boolean isTrue(VettifyTenant tenant, String type) {
        return condition(tenant, type).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    /** The Events recorded about the tenant, in the order they were created. */
    static List<Event> events(KubernetesClient client, VettifyTenant tenant) {
        return Tenants.events(client, tenant).stream()
                .filter(e -> "VettifyTenant".equals(e.getInvolvedObject().getKind()))
                .sorted(Comparator.comparing((Event e) -> Long.parseLong(e.getMetadata().getResourceVersion())))
                .toList();
    }
}
