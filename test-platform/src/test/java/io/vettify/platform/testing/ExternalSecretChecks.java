package io.vettify.platform.testing;

import static io.vettify.platform.testing.Resources.EXTERNAL_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The External Secrets checks the local platform and K3s share. */
final class ExternalSecretChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ExternalSecretChecks() {
    }

    /**
     * Puts {@code key} into the cluster's {@value LocalPlatform#SECRET_STORE} store; an ExternalSecret in {@code
     * namespace} syncs it into its Secret (Ready=True, SecretSynced); removing the key makes it Ready=False
     * (SecretSyncedError), the Secret keeping its last value (deletionPolicy Retain).
     */
    static void syncsAndReportsTheMissingKey(KubernetesClient client, String namespace, String key) {
        String value = "s3cret-" + Resources.unique();
        LocalPlatform.putSecretStoreData(client, key, value);

        client.genericKubernetesResources(EXTERNAL_SECRET).inNamespace(namespace).resource(externalSecret("db", key))
                .create();

        Secret secret = await("the target Secret").atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> client.secrets().inNamespace(namespace).withName("db-credentials").get(),
                        s -> s != null && s.getData() != null && s.getData().containsKey("password"));
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("password")), StandardCharsets.UTF_8))
                .isEqualTo(value);
        assertThat(secret.getMetadata().getOwnerReferences())
                .anySatisfy(owner -> assertThat(owner.getKind()).isEqualTo("ExternalSecret"));

        GenericKubernetesResource synced = awaitReady(client, namespace, "db", "True");
        assertThat(Resources.condition(synced, "Ready").orElseThrow())
                .containsEntry("reason", "SecretSynced")
                .containsEntry("message", "secret synced");

        LocalPlatform.removeSecretStoreData(client, key);

        GenericKubernetesResource failed = awaitReady(client, namespace, "db", "False");
        assertThat(Resources.condition(failed, "Ready").orElseThrow())
                .containsEntry("reason", "SecretSyncedError")
                .containsEntry("message", "could not get secret data from provider");
        // deletionPolicy Retain (the default): the Secret stays with its last value.
        assertThat(client.secrets().inNamespace(namespace).withName("db-credentials").get().getData())
                .containsEntry("password", secret.getData().get("password"));
    }

    private static GenericKubernetesResource awaitReady(KubernetesClient client, String namespace, String name,
            String status) {
        return await("ExternalSecret " + name + " Ready=" + status).atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> client.genericKubernetesResources(EXTERNAL_SECRET).inNamespace(namespace).withName(name)
                                .get(),
                        es -> Resources.condition(es, "Ready").map(c -> status.equals(c.get("status"))).orElse(false));
    }

    static GenericKubernetesResource externalSecret(String name, String key) {
        return Serialization.unmarshal("""
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata:
                  name: %s
                spec:
                  refreshInterval: 1s
                  secretStoreRef:
                    kind: ClusterSecretStore
                    name: %s
                  target:
                    name: %s-credentials
                  data:
                    - secretKey: password
                      remoteRef:
                        key: %s
                """.formatted(name, LocalPlatform.secretStoreName(), name, key), GenericKubernetesResource.class);
    }
}
