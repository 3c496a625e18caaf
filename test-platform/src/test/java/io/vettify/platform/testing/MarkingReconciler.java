package io.vettify.platform.testing;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * The operator of {@link LocalPlatformResourceTest}: annotates the ConfigMaps labelled {@value #LABEL}=true with
 * {@value #ANNOTATION}, so the test sees that an operator inside a {@code @QuarkusTest} reconciles on the platform.
 */
@ControllerConfiguration(name = "marking", informer = @Informer(labelSelector = MarkingReconciler.LABEL + "=true"))
public class MarkingReconciler implements Reconciler<ConfigMap> {

    static final String LABEL = "vettify.io/test-operator";
    static final String ANNOTATION = "vettify.io/reconciled-by";

    @Override
    public UpdateControl<ConfigMap> reconcile(ConfigMap resource, Context<ConfigMap> context) {
        if ("marking".equals(resource.getMetadata().getAnnotations().get(ANNOTATION))) {
            return UpdateControl.noUpdate();
        }
        // Server-side apply of just the field this reconciler owns.
        return UpdateControl.patchResource(new ConfigMapBuilder().withNewMetadata()
                .withName(resource.getMetadata().getName()).withNamespace(resource.getMetadata().getNamespace())
                .addToAnnotations(ANNOTATION, "marking").endMetadata().build());
    }
}
