package io.vettify.operator.k3s;

import static io.vettify.operator.tenant.ConditionType.SecretsReady;
import static io.vettify.operator.testing.Tenants.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.operator.testing.TenantFixtures;
import io.vettify.operator.testing.Tenants;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The operator end to end on K3s (Testcontainers), where a Docker engine exists (GitHub Actions); skipped here, where
 * the container-free local platform runs the whole suite. It checks what needs no external system: the API server
 * enforces the CRD (immutable tenantId), and the operator reconciles a tenant to a named, not-ready condition.
 *
 * <p>Not run on this machine (no Docker engine): it compiles; its first run is the first CI run on a runner with Docker.
 */
@ExtendWith(K3sOperatorTest.DockerRequired.class)
@QuarkusTest
@QuarkusTestResource(value = K3sOperatorResource.class, restrictToAnnotatedClass = true)
class K3sOperatorTest {

    @Inject
    KubernetesClient client;

    @Test
    void theOperatorReconcilesATenantAndTheApiServerEnforcesTheCrd() {
        var tenantId = TenantFixtures.uniqueTenantId("k3s");
        var namespace = "t-" + tenantId;
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                .serverSideApply();
        var tenant = TenantFixtures.tenant(namespace, tenantId, "https://minio.invalid:9000");
        Tenants.apply(client, tenant);

        var condition = awaitCondition(client, tenant, SecretsReady, "False", "SecretMissing");
        assertThat(condition.getMessage()).contains(tenant.getSpec().database.adminSecretRef.name);
        assertThatThrownBy(() -> Tenants.edit(client, tenant, t -> {
            t.getSpec().tenantId = "another";
            return t;
        })).isInstanceOfSatisfying(KubernetesClientException.class,
                e -> assertThat(e.getMessage()).contains("tenantId is immutable"));
    }

    /**
     * Skips the class, with its reason in the report, when there is no Docker engine (before Quarkus starts). It looks
     * for the engine's socket or DOCKER_HOST rather than asking Testcontainers: this class is loaded by Quarkus' test
     * class loader, where Testcontainers' service loading fails.
     */
    static class DockerRequired implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean docker = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
            return docker
                    ? ConditionEvaluationResult.enabled("a Docker engine is configured")
                    : ConditionEvaluationResult.disabled("no Docker engine: K3s through Testcontainers runs on CI "
                            + "runners with Docker; here the local platform runs the operator's suite");
        }
    }
}
