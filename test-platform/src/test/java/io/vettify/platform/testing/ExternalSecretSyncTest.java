package io.vettify.platform.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

/**
 * External Secrets on the local platform: an {@code ExternalSecret} against the fake {@code ClusterSecretStore}
 * {@code vettify-local} produces its target Secret; removing the store's key turns it {@code Ready=False}.
 */
@ExtendWith(LocalPlatformExtension.class)
class ExternalSecretSyncTest {

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
        String key = "vettify-test/" + Resources.unique() + "/db-password";
        keys.add(key);
        ExternalSecretChecks.syncsAndReportsTheMissingKey(client, namespace, key);
    }
}
