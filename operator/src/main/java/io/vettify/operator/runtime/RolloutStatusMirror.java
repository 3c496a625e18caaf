package io.vettify.operator.runtime;

import static io.vettify.operator.tenant.TenantConditions.FALSE;
import static io.vettify.operator.tenant.TenantConditions.TRUE;
import static io.vettify.operator.tenant.TenantConditions.UNKNOWN;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantStatus.RuntimeStatus;
import io.vettify.operator.thirdparty.argo.Rollout;
import io.vettify.operator.thirdparty.argo.RolloutSpec;
import io.vettify.operator.thirdparty.argo.RolloutStatus;
import io.vettify.operator.thirdparty.argo.RolloutStatus.AnalysisRunStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A7: the tenant's {@code status.runtime} and its CanaryHealthy condition, read from the runtime's Rollout (the
 * reconciler runs on every change of the Rollout's status: its dependent's informer is an event source) and from its
 * ReplicaSets, which carry the version label of their pod template under their pod-template hash.
 */
public final class RolloutStatusMirror {

    /** Where the tenant is in its canary: none running, one walking its steps, or one aborted / degraded. */
    public enum Canary {
        NONE, PROGRESSING, DEGRADED
    }

    /** The mirrored block, the CanaryHealthy condition (status, reason, message) and the canary's state. */
    public record Observation(RuntimeStatus runtime, String status, String reason, String message, Canary canary) {
    }

    private static final Set<String> FAILED_ANALYSIS = Set.of("Failed", "Error", "Inconclusive");

    private RolloutStatusMirror() {
    }

    /** Empty while the tenant has no Rollout yet. */
    public static Optional<Observation> observe(VettifyTenant tenant, Context<VettifyTenant> context) {
        return context.getSecondaryResource(Rollout.class).map(rollout -> observe(rollout,
                context.getClient().apps().replicaSets().inNamespace(tenant.getMetadata().getNamespace())
                        .withLabels(RuntimeLabels.selector(tenant)).list().getItems()));
    }

    public static Observation observe(Rollout rollout, List<ReplicaSet> replicaSets) {
        var status = rollout.getStatus();
        var runtime = new RuntimeStatus();
        var templateVersion = templateVersion(rollout);
        if (status == null || !observedCurrentGeneration(rollout, status)) {
            runtime.rolloutPhase = status == null ? null : status.phase();
            runtime.message = "waiting for the Argo Rollouts controller to observe generation "
                    + rollout.getMetadata().getGeneration();
            return new Observation(runtime, UNKNOWN, "RolloutPending", runtime.message, Canary.NONE);
        }
        var versions = versionsByHash(replicaSets);
        var stableHash = status.stableRS();
        var currentHash = status.currentPodHash();
        boolean canaryExists = stableHash != null && currentHash != null && !stableHash.equals(currentHash);
        boolean aborted = Boolean.TRUE.equals(status.abort());
        var analysis = analysisRun(status);

        runtime.rolloutPhase = status.phase();
        runtime.currentStep = status.currentStepIndex();
        runtime.stableVersion = stableHash == null ? null : versions.get(stableHash);
        if (runtime.stableVersion == null && !canaryExists) {
            runtime.stableVersion = templateVersion;
        }
        runtime.canaryVersion = canaryExists ? versions.getOrDefault(currentHash, templateVersion) : null;
        runtime.canaryWeight = canaryExists && !aborted ? canaryWeight(rollout, status) : 0;
        runtime.analysisRun = analysis.map(AnalysisRunStatus::name).orElse(null);
        runtime.message = analysis.map(AnalysisRunStatus::message).filter(m -> !m.isBlank())
                .orElse(blankToNull(status.message()));

        if (aborted) {
            var failedAnalysis = analysis.filter(run -> FAILED_ANALYSIS.contains(run.status()));
            if (failedAnalysis.isPresent()) {
                var run = failedAnalysis.get();
                return new Observation(runtime, FALSE, "AnalysisFailed", "canary %s aborted, back on %s: %s (AnalysisRun %s %s)"
                        .formatted(runtime.canaryVersion, runtime.stableVersion, Objects.toString(run.message(), ""),
                                run.name(), run.status()), Canary.DEGRADED);
            }
            return new Observation(runtime, FALSE, "RolloutAborted", "canary %s aborted, back on %s: %s"
                    .formatted(runtime.canaryVersion, runtime.stableVersion, Objects.toString(status.message(), "")),
                    Canary.DEGRADED);
        }
        if ("Degraded".equals(status.phase())) {
            return new Observation(runtime, FALSE, "RolloutDegraded", Objects.toString(status.message(), "Degraded"),
                    Canary.DEGRADED);
        }
        if (canaryExists) {
            var steps = steps(rollout).size();
            var where = "canary %s: step %d of %d, weight %d%% (stable %s)".formatted(runtime.canaryVersion,
                    Objects.requireNonNullElse(runtime.currentStep, 0), steps, runtime.canaryWeight,
                    runtime.stableVersion);
            if ("Paused".equals(status.phase()) && status.pauseConditions() != null
                    && status.pauseConditions().stream().anyMatch(p -> "InconclusiveAnalysisRun".equals(p.reason()))) {
                return new Observation(runtime, UNKNOWN, "AnalysisInconclusive", where + ": analysis inconclusive, "
                        + "waiting for a promote or an abort", Canary.PROGRESSING);
            }
            return new Observation(runtime, UNKNOWN, "CanaryProgressing", where, Canary.PROGRESSING);
        }
        if ("Healthy".equals(status.phase())) {
            return new Observation(runtime, TRUE, "Healthy", "version %s serves all %s replicas"
                    .formatted(runtime.stableVersion, status.availableReplicas()), Canary.NONE);
        }
        return new Observation(runtime, UNKNOWN, "RolloutProgressing", "Rollout %s%s".formatted(status.phase(),
                status.message() == null || status.message().isBlank() ? "" : ": " + status.message()), Canary.NONE);
    }

    /** The setWeight in effect (Argo's own rule): the last one at or before the current step, 100 past the last. */
    static int canaryWeight(Rollout rollout, RolloutStatus status) {
        if (status.canary() != null && status.canary().weights() != null
                && status.canary().weights().canary() != null) {
            return status.canary().weights().canary().weight();
        }
        var steps = steps(rollout);
        var index = status.currentStepIndex();
        if (index == null || index >= steps.size()) {
            return 100;
        }
        for (int i = index; i >= 0; i--) {
            if (steps.get(i).setWeight() != null) {
                return steps.get(i).setWeight();
            }
        }
        return 0;
    }

    private static Optional<AnalysisRunStatus> analysisRun(RolloutStatus status) {
        if (status.canary() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(status.canary().currentStepAnalysisRunStatus())
                .or(() -> Optional.ofNullable(status.canary().currentBackgroundAnalysisRunStatus()));
    }

    private static boolean observedCurrentGeneration(Rollout rollout, RolloutStatus status) {
        var generation = rollout.getMetadata().getGeneration();
        if (generation == null || status.observedGeneration() == null) {
            return status.phase() != null;
        }
        try {
            return Long.parseLong(status.observedGeneration()) >= generation;
        } catch (NumberFormatException e) {
            return status.phase() != null;
        }
    }

    private static List<RolloutSpec.Step> steps(Rollout rollout) {
        var spec = rollout.getSpec();
        if (spec == null || spec.strategy() == null || spec.strategy().canary() == null
                || spec.strategy().canary().steps() == null) {
            return List.of();
        }
        return spec.strategy().canary().steps();
    }

    private static String templateVersion(Rollout rollout) {
        var spec = rollout.getSpec();
        if (spec == null || spec.template() == null || spec.template().getMetadata() == null
                || spec.template().getMetadata().getLabels() == null) {
            return null;
        }
        return spec.template().getMetadata().getLabels().get(RuntimeLabels.VERSION);
    }

    private static Map<String, String> versionsByHash(List<ReplicaSet> replicaSets) {
        var versions = new HashMap<String, String>();
        for (var replicaSet : replicaSets) {
            var labels = replicaSet.getMetadata().getLabels();
            if (labels != null && labels.get(RuntimeLabels.POD_TEMPLATE_HASH) != null
                    && labels.get(RuntimeLabels.VERSION) != null) {
                versions.put(labels.get(RuntimeLabels.POD_TEMPLATE_HASH), labels.get(RuntimeLabels.VERSION));
            }
        }
        return versions;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
