package io.vettify.platform.testing;

import static io.vettify.platform.testing.Resources.EXTERNAL_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * External Secrets on the local platform: an {@code ExternalSecret} against the fake {@code ClusterSecretStore}
 * {@code vettify-local} produces its target Secret; removing the store's key turns it {@code Ready=False}.
 */
@ExtendWith(LocalPlatformExtension.class)
class ExternalSecretSyncTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static String namespace;
    private static final List<String> keys = new ArrayList<>();

    @BeforeAll
    static void namespace(KubernetesClient client) {
        namespace = Resources.createNamespace(client, "eso-sync");
    }

    @AfterAll
    static void cleanUp(KubernetesClient client) {
        keys.forEach(LocalPlatform::removeSecretStoreData);
        Resources.deleteNamespace(client, namespace);
    }

    @Test
    void syncsTheStoresValueIntoItsSecretAndReportsTheMissingKey(KubernetesClient client) {
        String id = Resources.unique();
        String key = "vettify-test/" + id + "/db-password";
        String value = "s3cret-" + id;
        keys.add(key);
        LocalPlatform.putSecretStoreData(key, value);

        client.genericKubernetesResources(EXTERNAL_SECRET).inNamespace(namespace).resource(externalSecret("db", key))
                .create();

        Secret secret = await("the target Secret").atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> client.secrets().inNamespace(namespace).withName("db-credentials").get(),
                        s -> s != null && s.getData() != null && s.getData().containsKey("password"));
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("password")), StandardCharsets.UTF_8))
                .isEqualTo(value);
        assertThat(secret.getMetadata().getOwnerReferences())
                .anySatisfy(owner -> assertThat(owner.getKind()).isEqualTo("ExternalSecret"));

        GenericKubernetesResource synced = awaitReady(client, "db", "True");
        assertThat(Resources.condition(synced, "Ready").orElseThrow())
                .containsEntry("reason", "SecretSynced")
                .containsEntry("message", "secret synced");

        LocalPlatform.removeSecretStoreData(key);

        GenericKubernetesResource failed = awaitReady(client, "db", "False");
        assertThat(Resources.condition(failed, "Ready").orElseThrow())
                .containsEntry("reason", "SecretSyncedError")
                .containsEntry("message", "could not get secret data from provider");
        // deletionPolicy Retain (the default): the Secret stays with its last value.
        assertThat(client.secrets().inNamespace(namespace).withName("db-credentials").get().getData())
                .containsEntry("password", secret.getData().get("password"));
    }

    private static GenericKubernetesResource awaitReady(KubernetesClient client, String name, String status) {
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
