package io.vettify.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.operator.testing.OperatorInstance;
import io.vettify.platform.testing.LocalPlatform;
import io.vettify.platform.testing.LocalPlatformResource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalPlatformResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OperatorInstance.class, restrictToAnnotatedClass = false)
class CustomResourceDefinitionTest {

    static final String CRD_FILE = "vettifytenants.vettify.io-v1.yml";

    @Inject
    KubernetesClient client;

    @Test
    void theCommittedCrdIsTheOneGeneratedFromTheJavaModel() throws Exception {
        var generated = Files.readString(Path.of("target/kubernetes", CRD_FILE));
        var committed = Files.readString(LocalPlatform.repoRoot().resolve("crds").resolve(CRD_FILE));
        assertThat(committed)
                .as("crds/%s differs from the CRD generated from the Java model: run `./vettify crds` and commit it",
                        CRD_FILE)
                .isEqualTo(generated);
    }

    @Test
    void theApiServerServesTheKindWithItsShortNameStatusAndColumns() {
        var crd = client.apiextensions().v1().customResourceDefinitions().withName("vettifytenants.vettify.io").get();
        assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("vt");
        var version = crd.getSpec().getVersions().get(0);
        assertThat(version.getName()).isEqualTo("v1alpha1");
        assertThat(version.getSubresources().getStatus()).isNotNull();
        assertThat(version.getAdditionalPrinterColumns()).extracting(CustomResourceColumnDefinition::getName)
                .containsExactly("Tenant", "Phase", "Version", "Canary", "Ready", "Age");
    }
}
