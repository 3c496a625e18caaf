package io.vettify.operator.thirdparty.argo;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

/** Argo Rollouts' {@code AnalysisTemplate} (argoproj.io/v1alpha1): the metrics a canary step is judged by. */
@Group("argoproj.io")
@Version("v1alpha1")
@Kind("AnalysisTemplate")
public class AnalysisTemplate extends CustomResource<AnalysisTemplateSpec, Void> implements Namespaced {
}
