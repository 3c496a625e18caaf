package io.vettify.platform.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The custom resources the platform tests use, and small helpers over Fabric8's generic resources. */
final class Resources {

    static final ResourceDefinitionContext EXTERNAL_SECRET = namespaced("external-secrets.io", "v1", "ExternalSecret",
            "externalsecrets");
    static final ResourceDefinitionContext ROLLOUT = namespaced("argoproj.io", "v1alpha1", "Rollout", "rollouts");
    static final ResourceDefinitionContext ANALYSIS_TEMPLATE = namespaced("argoproj.io", "v1alpha1", "AnalysisTemplate",
            "analysistemplates");
    static final ResourceDefinitionContext ANALYSIS_RUN = namespaced("argoproj.io", "v1alpha1", "AnalysisRun",
            "analysisruns");

    private Resources() {
    }

    private static ResourceDefinitionContext namespaced(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    /** A short random suffix for names that must not collide with another run's. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a namespace {@code prefix-<random>} and returns its name. */
    static String createNamespace(KubernetesClient client, String prefix) {
        String name = prefix + "-" + unique();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
                .addToLabels("vettify.io/test", "true").endMetadata().build()).create();
        return name;
    }

    /** Deletes the namespace (in the background: the namespace controller removes what is in it). */
    static void deleteNamespace(KubernetesClient client, String name) {
        if (name != null) {
            client.namespaces().withName(name).delete();
        }
    }

    /** Follows a path of map keys in a resource's additional properties ({@code "status", "phase"}). */
    @SuppressWarnings("unchecked")
    static <T> Optional<T> path(GenericKubernetesResource resource, String... keys) {
        if (resource == null) {
            return Optional.empty();
        }
        Object current = resource.getAdditionalProperties();
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable((T) current);
    }

    /** The condition of {@code type} in {@code status.conditions}, if any. */
    static Optional<Map<String, Object>> condition(GenericKubernetesResource resource, String type) {
        List<Map<String, Object>> conditions = Resources.<List<Map<String, Object>>>path(resource, "status", "conditions")
                .orElse(List.of());
        return conditions.stream().filter(c -> type.equals(c.get("type"))).findFirst();
    }
}
