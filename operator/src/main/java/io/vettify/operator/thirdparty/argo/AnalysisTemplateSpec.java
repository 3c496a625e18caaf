package io.vettify.operator.thirdparty.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The spec of an {@link AnalysisTemplate}: its arguments (given by the Rollout's analysis step) and its metrics. A
 * metric is measured {@code count} times, every {@code interval}; the run fails once more than {@code failureLimit}
 * measurements met the {@code failureCondition} (expressions over {@code result}, Argo's expr syntax).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnalysisTemplateSpec(List<Argument> args, List<Metric> metrics) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Argument(String name, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metric(String name, String interval, Integer count, Integer failureLimit,
            Integer consecutiveErrorLimit, String successCondition, String failureCondition, Provider provider) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Provider(Prometheus prometheus) {
    }

    /** An instant query against {@code address}; {@code timeout} in seconds. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Prometheus(String address, String query, Long timeout) {
    }
}
