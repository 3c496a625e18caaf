package io.vettify.operator.thirdparty.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.List;

/**
 * The spec of a {@link Rollout}: a canary strategy of setWeight, pause and analysis steps. Without
 * {@code trafficRouting} Argo Rollouts shifts traffic by replica counts (the canary gets the number of pods closest to its
 * weight), and points the stable and canary Services at their ReplicaSets through the pod-template-hash selector.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RolloutSpec(Integer replicas, Integer revisionHistoryLimit, Integer progressDeadlineSeconds,
        LabelSelector selector, PodTemplateSpec template, Strategy strategy) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Strategy(Canary canary) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Canary(String stableService, String canaryService, List<Step> steps) {
    }

    /** One step: exactly one of its fields is set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(Integer setWeight, Pause pause, Analysis analysis) {

        public static Step setWeight(int weight) {
            return new Step(weight, null, null);
        }

        public static Step pause(String duration) {
            return new Step(null, new Pause(duration), null);
        }

        public static Step analysis(Analysis analysis) {
            return new Step(null, null, analysis);
        }
    }

    /** {@code duration}: an Argo duration such as {@code 30s} or {@code 5m}; without one the pause is indefinite. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pause(String duration) {
    }

    /** An analysis step: AnalysisRuns of the templates, blocking the step until they succeed; failure aborts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Analysis(List<TemplateRef> templates, List<Argument> args) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TemplateRef(String templateName) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Argument(String name, String value, ArgumentValueFrom valueFrom) {

        /** The pod-template hash of the canary ({@code Latest}) or stable ({@code Stable}) ReplicaSet. */
        public static Argument podTemplateHash(String name, String which) {
            return new Argument(name, null, new ArgumentValueFrom(which));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ArgumentValueFrom(String podTemplateHashValue) {
    }
}
