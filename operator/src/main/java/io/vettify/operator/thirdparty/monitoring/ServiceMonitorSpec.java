package io.vettify.operator.thirdparty.monitoring;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/**
 * Which Services' endpoints Prometheus scrapes, and how. {@code podTargetLabels} copy pod labels onto every series
 * (their names sanitised: {@code rollouts-pod-template-hash} becomes {@code rollouts_pod_template_hash}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceMonitorSpec(LabelSelector selector, NamespaceSelector namespaceSelector, List<Endpoint> endpoints,
        List<String> podTargetLabels) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NamespaceSelector(List<String> matchNames) {
    }

    /** {@code port}: the name of a Service port; {@code interval}: a Prometheus duration such as {@code 15s}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Endpoint(String port, String path, String scheme, String interval) {
    }
}
