package io.vettify.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vettify.platform.testing.LocalPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every manifest of tenants/ and argocd/ goes through the local platform's API server (server-side dry run, strict
 * field validation), with Argo CD's own CRDs (from the github.com/argoproj/argo-cd/v3 module) and the committed
 * VettifyTenant CRD installed. Namespaces the manifests need are really created for the run, and deleted after it
 * unless they existed before.
 */
class GitOpsManifestsTest {

    private static final List<String> createdNamespaces = new ArrayList<>();

    @BeforeAll
    static void installTheCrds() {
        var client = Cluster.client();
        if (client.apiextensions().v1().customResourceDefinitions().withName("applicationsets.argoproj.io").get() == null) {
            // A platform started before Argo CD's CRDs were part of it: `up` is idempotent and applies them.
            LocalPlatform.runScript(Duration.ofMinutes(30), "up");
        }
        assertThat(client.apiextensions().v1().customResourceDefinitions().withName("applications.argoproj.io").get())
                .isNotNull();
        // Validation must be against the committed CRD (the operator's tests apply the generated one, equal to it).
        Cluster.applyTenantCrd();
    }

    @AfterAll
    static void deleteNamespaces() {
        Cluster.deleteNamespaces(createdNamespaces);
    }

    @Test
    void everyTenantManifestIsAccepted() {
        var manifests = manifests("tenants");
        assertThat(manifests.stream().filter(m -> m.path("kind").asText().equals("VettifyTenant")).count())
                .as("tenants/demo.yaml and the two example tenants").isGreaterThanOrEqualTo(3);
        dryRun(manifests);
    }

    @Test
    void everyArgoCdManifestIsAccepted() {
        var manifests = manifests("argocd");
        assertThat(manifests.stream().map(m -> m.path("kind").asText()))
                .contains("Application", "ApplicationSet", "ConfigMap");
        dryRun(manifests);
    }

    /** The dry runs above would be worthless if the API server did not check the tenant against the CRD. */
    @Test
    void anInvalidTenantIsRefused() {
        var tenant = manifests("tenants").stream().filter(m -> m.path("kind").asText().equals("VettifyTenant"))
                .findFirst().orElseThrow().deepCopy();
        ensureNamespace(tenant.at("/metadata/namespace").asText());
        ((ObjectNode) tenant.path("spec")).put("tenantId", "Not_A_Tenant");
        assertThatThrownBy(() -> Cluster.serverSideDryRun(tenant)).hasMessageContaining("spec.tenantId");
        var unknownField = manifests("tenants").stream().filter(m -> m.path("kind").asText().equals("VettifyTenant"))
                .findFirst().orElseThrow().deepCopy();
        ((ObjectNode) unknownField.path("spec")).put("tenantID", "typo");
        assertThatThrownBy(() -> Cluster.serverSideDryRun(unknownField)).hasMessageContaining("tenantID");
    }

    /** The ApplicationSet's directory generator and the Application point at what the repository holds. */
    @Test
    void theApplicationsPointAtThisRepository() throws IOException {
        var applicationSet = Delivery.documents(Delivery.repo().resolve("argocd/vettify-tenants.yaml")).get(0);
        String pattern = applicationSet.at("/spec/generators/0/git/directories/0/path").asText();
        assertThat(pattern).isEqualTo("tenants/*");
        try (Stream<Path> folders = Files.list(Delivery.repo().resolve("tenants"))) {
            var tenantFolders = folders.filter(Files::isDirectory).toList();
            assertThat(tenantFolders).hasSizeGreaterThanOrEqualTo(2).allSatisfy(folder -> {
                assertThat(folder.resolve("tenant.yaml")).exists();
                assertThat(folder.resolve("namespace.yaml")).exists();
            });
        }
        String excluded = applicationSet.at("/spec/template/spec/source/directory/exclude").asText();
        assertThat(excluded).isEqualTo("secrets.yaml");
        assertThat(Delivery.repo().resolve("tenants/acme/secrets.yaml")).exists();

        var application = Delivery.documents(Delivery.repo().resolve("argocd/vettify-operator.yaml")).get(0);
        assertThat(Delivery.repo().resolve(application.at("/spec/source/path").asText()).resolve("Chart.yaml")).exists();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static List<JsonNode> manifests(String folder) {
        try (Stream<Path> files = Files.walk(Delivery.repo().resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .flatMap(f -> Delivery.documents(f).stream()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Namespaces are created (a dry-run namespace would not hold the dry runs of what goes in it), the rest dry-run. */
    private static void dryRun(List<JsonNode> manifests) {
        for (JsonNode manifest : manifests) {
            if (manifest.path("kind").asText().equals("Namespace")) {
                Cluster.serverSideDryRun(manifest);
                ensureNamespace(manifest.at("/metadata/name").asText());
            } else if (manifest.at("/metadata/namespace").isTextual()) {
                ensureNamespace(manifest.at("/metadata/namespace").asText());
            }
        }
        manifests.stream().filter(m -> !m.path("kind").asText().equals("Namespace")).forEach(Cluster::serverSideDryRun);
    }

    private static synchronized void ensureNamespace(String name) {
        if (Cluster.client().namespaces().withName(name).get() == null) {
            Cluster.createNamespace(name);
            createdNamespaces.add(name);
        }
    }
}
