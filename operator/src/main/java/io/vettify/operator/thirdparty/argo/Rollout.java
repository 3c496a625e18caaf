package io.vettify.operator.thirdparty.argo;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

/** Argo Rollouts' {@code Rollout} (argoproj.io/v1alpha1), typed for the fields Vettify writes and reads. */
@Group("argoproj.io")
@Version("v1alpha1")
@Kind("Rollout")
public class Rollout extends CustomResource<RolloutSpec, RolloutStatus> implements Namespaced {
}
