package io.vettify.operator.testing;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The decoded values of a Secret. */
public final class SecretData {

    private SecretData() {
    }

    /** The Secret's decoded data, or an empty map when it does not exist. */
    public static Map<String, String> of(KubernetesClient client, String namespace, String name) {
        var secret = client.secrets().inNamespace(namespace).withName(name).get();
        return secret == null ? Map.of() : decode(secret);
    }

    public static Map<String, String> decode(Secret secret) {
        var values = new HashMap<String, String>();
        if (secret.getData() != null) {
            secret.getData().forEach((key, value) ->
                    values.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
        }
        return values;
    }
}
