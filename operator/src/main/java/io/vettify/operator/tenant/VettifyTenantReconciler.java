package io.vettify.operator.tenant;

import static io.vettify.operator.tenant.TenantConditions.FALSE;
import static io.vettify.operator.tenant.TenantConditions.TRUE;
import static io.vettify.operator.tenant.TenantConditions.UNKNOWN;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import io.vettify.operator.database.DatabaseRolesSecret;
import io.vettify.operator.database.TenantDatabase;
import io.vettify.operator.database.TenantSchema;
import io.vettify.operator.redis.RedisPasswordSecret;
import io.vettify.operator.redis.RedisReadyCondition;
import io.vettify.operator.redis.RedisService;
import io.vettify.operator.redis.RedisStatefulSet;
import io.vettify.operator.runtime.RolloutAvailableCondition;
import io.vettify.operator.runtime.RolloutStatusMirror;
import io.vettify.operator.runtime.RuntimeAnalysisTemplate;
import io.vettify.operator.runtime.RuntimeCanaryService;
import io.vettify.operator.runtime.RuntimeIngress;
import io.vettify.operator.runtime.RuntimeRollout;
import io.vettify.operator.runtime.RuntimeSecret;
import io.vettify.operator.runtime.RuntimeService;
import io.vettify.operator.runtime.RuntimeServiceMonitor;
import io.vettify.operator.runtime.RuntimeStableService;
import io.vettify.operator.secrets.SecretsReadyCondition;
import io.vettify.operator.secrets.TenantExternalSecrets;
import io.vettify.operator.storage.BucketCredentialsSecret;
import io.vettify.operator.storage.TenantBucket;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reconciles a {@link VettifyTenant}: the JOSDK workflow below provisions its dependents in the order of PRODUCT.md
 * §8, each step only once the previous one is ready; this class turns the workflow's outcome into the tenant's
 * conditions, phase and Events. A step that is not ready yet is looked at again soon; a failing one (bad spec, missing
 * Secret, unreachable database) is reported in the status and retried with backoff, while the other tenants go on.
 */
@Workflow(dependents = {
        @Dependent(name = "external-secrets", type = TenantExternalSecrets.class,
                readyPostcondition = SecretsReadyCondition.class),
        @Dependent(name = "database-roles", type = DatabaseRolesSecret.class, dependsOn = "external-secrets"),
        @Dependent(name = TenantDatabase.NAME, type = TenantDatabase.class, dependsOn = "database-roles"),
        @Dependent(name = TenantSchema.NAME, type = TenantSchema.class, dependsOn = TenantDatabase.NAME),
        @Dependent(name = "bucket-credentials", type = BucketCredentialsSecret.class, dependsOn = TenantSchema.NAME),
        @Dependent(name = TenantBucket.NAME, type = TenantBucket.class, dependsOn = "bucket-credentials"),
        @Dependent(name = "redis-password", type = RedisPasswordSecret.class, dependsOn = TenantBucket.NAME),
        @Dependent(name = "redis-service", type = RedisService.class, dependsOn = TenantBucket.NAME),
        @Dependent(name = "redis", type = RedisStatefulSet.class, dependsOn = "redis-password",
                readyPostcondition = RedisReadyCondition.class),
        @Dependent(name = "runtime-secret", type = RuntimeSecret.class, dependsOn = {"redis", "redis-service"}),
        // A6: the runtime, after its Secret — so the Rollout changes only once the schema reached its release's
        // version (A8).
        @Dependent(name = "runtime-analysis-template", type = RuntimeAnalysisTemplate.class, dependsOn = "runtime-secret"),
        @Dependent(name = "runtime-service", type = RuntimeService.class, dependsOn = "runtime-secret"),
        @Dependent(name = "runtime-stable-service", type = RuntimeStableService.class, dependsOn = "runtime-secret"),
        @Dependent(name = "runtime-canary-service", type = RuntimeCanaryService.class, dependsOn = "runtime-secret"),
        @Dependent(name = "runtime-rollout", type = RuntimeRollout.class, readyPostcondition = RolloutAvailableCondition.class,
                dependsOn = { "runtime-secret", "runtime-analysis-template", "runtime-stable-service",
                        "runtime-canary-service" }),
        @Dependent(name = "runtime-ingress", type = RuntimeIngress.class, dependsOn = "runtime-service"),
        @Dependent(name = "runtime-service-monitor", type = RuntimeServiceMonitor.class, dependsOn = "runtime-service"),
})
// Secrets created by hand and external systems change without an event: look again every few minutes.
// Beyond what the dependents need (generated by QOSDK): Events about tenants, and the leader-election lease.
@RBACRule(apiGroups = "", resources = "events", verbs = {"create", "patch"})
@RBACRule(apiGroups = "coordination.k8s.io", resources = "leases", verbs = {"get", "create", "update"})
// RolloutStatusMirror reads the runtime's ReplicaSets (their version label under their pod-template hash).
@RBACRule(apiGroups = "apps", resources = "replicasets", verbs = {"get", "list"})
@GradualRetry(maxAttempts = -1, initialInterval = 2_000, intervalMultiplier = 2, maxInterval = 120_000)
@ControllerConfiguration(name = VettifyTenantReconciler.NAME,
        maxReconciliationInterval = @MaxReconciliationInterval(interval = 5, timeUnit = TimeUnit.MINUTES))
public class VettifyTenantReconciler implements Reconciler<VettifyTenant>, Cleaner<VettifyTenant> {

    public static final String NAME = "vettifytenant";

    /** The conditions the workflow's dependents report; CanaryHealthy comes from the Rollout, Ready from all. */
    private static final Set<ConditionType> PROVISIONING = EnumSet.range(ConditionType.SecretsReady,
            ConditionType.RuntimeAvailable);

    private final TenantEvents events;
    private final Clock clock;
    private final Duration notReadyRecheck;

    public VettifyTenantReconciler(TenantEvents events, Clock clock,
            @ConfigProperty(name = "vettify.operator.not-ready-recheck", defaultValue = "PT5S") Duration notReadyRecheck) {
        this.events = events;
        this.clock = clock;
        this.notReadyRecheck = notReadyRecheck;
    }

    @Override
    public UpdateControl<VettifyTenant> reconcile(VettifyTenant tenant, Context<VettifyTenant> context) {
        var outcome = evaluate(tenant, context, null);
        var control = UpdateControl.patchStatus(statusPatch(tenant, outcome.status()));
        return outcome.status().phase == TenantPhase.Ready ? control : control.rescheduleAfter(notReadyRecheck.toMillis());
    }

    /**
     * A dependent failed: JOSDK retries with the backoff of {@link GradualRetry} (without limit: an external system
     * may come back any time), and the status says meanwhile what failed and why.
     */
    @Override
    public ErrorStatusUpdateControl<VettifyTenant> updateErrorStatus(VettifyTenant tenant, Context<VettifyTenant> context,
            Exception error) {
        return ErrorStatusUpdateControl.patchStatus(statusPatch(tenant, evaluate(tenant, context, error).status()));
    }

    private Evaluation evaluate(VettifyTenant tenant, Context<VettifyTenant> context, Exception error) {
        var workflow = context.managedWorkflowAndDependentResourceContext().getWorkflowReconcileResult()
                .orElse(WorkflowReconcileResult.EMPTY);
        var previous = tenant.getStatus() == null ? new VettifyTenantStatus() : tenant.getStatus();
        var conditions = new TenantConditions(previous.conditions, tenant.getMetadata().getGeneration(), clock);

        boolean failed = false;
        ConditionType waitingFor = null;
        for (var type : PROVISIONING) {
            var outcome = outcomeOf(type, workflow);
            if (waitingFor != null && outcome == null) {
                conditions.set(type, UNKNOWN, "Waiting", "waiting for " + waitingFor);
                continue;
            }
            if (outcome == null) {
                conditions.set(type, UNKNOWN, "NotProvisioned", "no dependent reported " + type);
                waitingFor = type;
                continue;
            }
            conditions.set(type, outcome.status(), outcome.reason(), outcome.message());
            if (!TRUE.equals(outcome.status())) {
                failed |= outcome.failed();
                waitingFor = waitingFor == null ? type : waitingFor;
            }
        }
        // A7: the canary, mirrored from the Rollout whenever there is one (its status changes trigger reconciliation).
        var canary = RolloutStatusMirror.observe(tenant, context);
        if (canary.isPresent()) {
            var observed = canary.get();
            conditions.set(ConditionType.CanaryHealthy, observed.status(), observed.reason(), observed.message());
        } else {
            conditions.set(ConditionType.CanaryHealthy, UNKNOWN, "NoRollout", "the runtime's Rollout does not exist yet");
        }
        var canaryState = canary.map(RolloutStatusMirror.Observation::canary).orElse(RolloutStatusMirror.Canary.NONE);
        waitingFor = waitingFor == null && !conditions.isTrue(ConditionType.CanaryHealthy)
                ? ConditionType.CanaryHealthy : waitingFor;

        boolean ready = PROVISIONING.stream().allMatch(conditions::isTrue) && conditions.isTrue(ConditionType.CanaryHealthy);
        if (ready) {
            conditions.set(ConditionType.Ready, TRUE, "Provisioned", "all dependents are ready");
        } else if (error != null && !failed) {
            failed = true;
            conditions.set(ConditionType.Ready, FALSE, "ReconcileError", String.valueOf(error.getMessage()));
        } else {
            conditions.set(ConditionType.Ready, FALSE, "Waiting", "waiting for " + waitingFor);
        }

        var status = new VettifyTenantStatus();
        status.observedGeneration = tenant.getMetadata().getGeneration();
        status.schemaVersion = context.managedWorkflowAndDependentResourceContext()
                .get(TenantSchema.SCHEMA_VERSION, String.class).orElse(previous.schemaVersion);
        status.runtime = canary.map(RolloutStatusMirror.Observation::runtime).orElse(previous.runtime);
        status.conditions = conditions.conditions();
        boolean degraded = failed || canaryState == RolloutStatusMirror.Canary.DEGRADED;
        status.phase = degraded ? TenantPhase.Degraded
                : canaryState == RolloutStatusMirror.Canary.PROGRESSING ? TenantPhase.Progressing
                : ready ? TenantPhase.Ready : TenantPhase.Provisioning;
        recordEvents(tenant, conditions, degraded);
        return new Evaluation(status, failed);
    }

    private void recordEvents(VettifyTenant tenant, TenantConditions conditions, boolean failed) {
        for (var condition : conditions.changed()) {
            var message = condition.getType() + " " + condition.getStatus() + ": " + condition.getMessage();
            if (FALSE.equals(condition.getStatus()) && failed) {
                events.warning(tenant, condition.getReason(), message);
            } else {
                events.normal(tenant, condition.getReason(), message);
            }
        }
    }

    /** Reached once every dependent's clean-up succeeded (a failed one is retried with backoff before this). */
    @Override
    public DeleteControl cleanup(VettifyTenant tenant, Context<VettifyTenant> context) {
        events.normal(tenant, "Deleted", "tenant %s cleaned up (deletionPolicy %s)"
                .formatted(tenant.getSpec().tenantId, tenant.getSpec().deletionPolicy));
        return DeleteControl.defaultDelete();
    }

    /** What the workflow says about the dependents reporting {@code type}; null when none of them was reached. */
    private static Outcome outcomeOf(ConditionType type, WorkflowReconcileResult workflow) {
        for (var entry : workflow.getErroredDependents().entrySet()) {
            if (reports(entry.getKey(), type)) {
                var error = entry.getValue();
                return error instanceof ProvisioningException named
                        ? new Outcome(FALSE, named.reason(), named.getMessage(), true)
                        : new Outcome(FALSE, "ReconcileError", String.valueOf(error.getMessage()), true);
            }
        }
        for (var dependent : workflow.getNotReadyDependents()) {
            if (reports(dependent, type)) {
                var readiness = workflow.getNotReadyDependentResult(dependent, Readiness.class)
                        .orElse(new Readiness("NotReady", dependent.name() + " is not ready yet"));
                return new Outcome(FALSE, readiness.reason(), readiness.message(), false);
            }
        }
        boolean reached = workflow.getReconciledDependents().stream().anyMatch(dependent -> reports(dependent, type));
        return reached ? new Outcome(TRUE, "Ready", type + " is satisfied", false) : null;
    }

    @SuppressWarnings("rawtypes")
    private static boolean reports(DependentResource dependent, ConditionType type) {
        return dependent instanceof TenantDependent tenantDependent && tenantDependent.condition() == type;
    }

    private static VettifyTenant statusPatch(VettifyTenant tenant, VettifyTenantStatus status) {
        var patch = new VettifyTenant();
        patch.setMetadata(new ObjectMetaBuilder()
                .withName(tenant.getMetadata().getName())
                .withNamespace(tenant.getMetadata().getNamespace())
                .build());
        patch.setStatus(status);
        return patch;
    }

    private record Outcome(String status, String reason, String message, boolean failed) {
    }

    private record Evaluation(VettifyTenantStatus status, boolean failed) {
    }
}
