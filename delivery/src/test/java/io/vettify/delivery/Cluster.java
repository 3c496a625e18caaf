package io.vettify.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.vettify.platform.testing.LocalPlatform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** The local platform's API server, as the delivery tests use it: server-side dry runs and namespaces of their own. */
final class Cluster {

    /** Label on every namespace a delivery test makes (and deletes). */
    static final String TEST_LABEL = "vettify.io/delivery-test";
    private static final String FIELD_MANAGER = "vettify-delivery-test";

    private Cluster() {
    }

    static KubernetesClient client() {
        return LocalPlatform.client();
    }

    /** A new namespace {@code prefix-<random>}, labelled as the delivery tests'. */
    static String newNamespace(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        createNamespace(name);
        return name;
    }

    static void createNamespace(String name) {
        client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
                .addToLabels(TEST_LABEL, "true").endMetadata().build()).serverSideApply();
    }

    /** Deletes the namespaces and waits until they are gone (bounded). */
    static void deleteNamespaces(List<String> names) {
        for (String name : names) {
            client().namespaces().withName(name).delete();
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                names.stream().allMatch(name -> client().namespaces().withName(name).get() == null));
    }

    /**
     * Sends the manifest to the API server as a server-side apply with {@code dryRun=All} and strict field validation:
     * schema, CEL rules, admission — everything but storing it. Fails with the server's message.
     */
    static void serverSideDryRun(JsonNode manifest) {
        var resource = Delivery.JSON.convertValue(manifest, GenericKubernetesResource.class);
        try {
            client().resource(resource).dryRun().fieldValidation(Validation.STRICT)
                    .fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        } catch (KubernetesClientException e) {
            throw new AssertionError("the API server refused " + resource.getKind() + " "
                    + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Applies the committed VettifyTenant CRD (crds/), as the chart and `./vettify platform` install it. */
    static void applyTenantCrd() {
        try (var crd = Files.newInputStream(Delivery.repo().resolve("crds/vettifytenants.vettify.io-v1.yml"))) {
            client().load(crd).forceConflicts().serverSideApply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> client().apiextensions().v1().customResourceDefinitions()
                .withName("vettifytenants.vettify.io").get().getStatus().getConditions().stream()
                .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True")));
    }

    /** Environment for tools that talk to the platform (helm): its administrator kubeconfig. */
    static Map<String, String> kubeEnvironment() {
        return Map.of("KUBECONFIG", LocalPlatform.kubeconfig().toString());
    }
}
