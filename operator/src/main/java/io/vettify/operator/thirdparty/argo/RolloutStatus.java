package io.vettify.operator.thirdparty.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the Argo Rollouts controller reports about a {@link Rollout}: its phase ({@code Healthy}, {@code Progressing},
 * {@code Paused}, {@code Degraded}), the stable and the current (canary) pod-template hashes, the step it is at, and
 * the AnalysisRun of that step. {@code observedGeneration} is a string in Argo's schema.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RolloutStatus(String phase, String message, Boolean abort, String currentPodHash,
        @JsonProperty("stableRS") String stableRS, Integer currentStepIndex, Integer replicas, Integer updatedReplicas,
        Integer readyReplicas, Integer availableReplicas, String observedGeneration, CanaryStatus canary,
        List<PauseCondition> pauseConditions, List<Condition> conditions) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CanaryStatus(AnalysisRunStatus currentStepAnalysisRunStatus,
            AnalysisRunStatus currentBackgroundAnalysisRunStatus, TrafficWeights weights) {
    }

    /** {@code status}: Pending, Running, Successful, Failed, Error or Inconclusive. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AnalysisRunStatus(String name, String status, String message) {
    }

    /** Set only with traffic routing: the weights the router was given. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TrafficWeights(WeightDestination canary, WeightDestination stable) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WeightDestination(Integer weight, String podTemplateHash, String serviceName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PauseCondition(String reason, String startTime) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Condition(String type, String status, String reason, String message) {
    }
}
