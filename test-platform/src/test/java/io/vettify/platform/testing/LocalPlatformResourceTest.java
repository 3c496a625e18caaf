package io.vettify.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/**
 * {@link LocalPlatformResource} points a {@code @QuarkusTest}'s Kubernetes client — and the Quarkus Operator SDK
 * operator in it ({@link MarkingReconciler}) — at the local platform.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalPlatformResource.class, restrictToAnnotatedClass = true)
class LocalPlatformResourceTest {

    @Inject
    KubernetesClient client;

    private String namespace;

    @AfterEach
    void cleanUp() {
        Resources.deleteNamespace(client, namespace);
    }

    @Test
    void theApplicationsClientAndOperatorWorkOnTheLocalPlatform() {
        assertThat(client.getMasterUrl().toString())
                .isEqualTo(LocalPlatformResource.apiServerUrl(LocalPlatform.kubeconfig()) + "/");
        assertThat(client.nodes().withName("kwok-node-0").get()).isNotNull();

        namespace = Resources.createNamespace(client, "quarkus-resource");
        client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
                .withNewMetadata().withName("marked").addToLabels(MarkingReconciler.LABEL, "true").endMetadata()
                .addToData("k", "v").build()).create();

        ConfigMap marked = await("the operator's annotation").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> client.configMaps().inNamespace(namespace).withName("marked").get(),
                        cm -> cm.getMetadata().getAnnotations() != null
                                && cm.getMetadata().getAnnotations().containsKey(MarkingReconciler.ANNOTATION));
        assertThat(marked.getMetadata().getAnnotations()).containsEntry(MarkingReconciler.ANNOTATION, "marking");
    }
}
