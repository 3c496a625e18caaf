package io.vettify.operator.secrets;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vettify.operator.tenant.ProvisioningException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The decoded values of a Secret the tenant's provisioning reads; a missing Secret or key is a named failure. */
public final class SecretValues {

    private final String secretName;
    private final Map<String, String> values;

    private SecretValues(String secretName, Map<String, String> values) {
        this.secretName = secretName;
        this.values = values;
    }

    public static SecretValues read(KubernetesClient client, String namespace, String name) {
        var secret = client.secrets().inNamespace(namespace).withName(name).get();
        if (secret == null) {
            throw new ProvisioningException("SecretMissing", "Secret %s not found in namespace %s".formatted(name, namespace));
        }
        return new SecretValues(name, decode(secret));
    }

    public String required(String key) {
        var value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new ProvisioningException("SecretIncomplete", "Secret %s lacks the key %s".formatted(secretName, key));
        }
        return value;
    }

    public int requiredPort(String key) {
        var value = required(key);
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ProvisioningException("SecretInvalid",
                    "Secret %s: key %s must be a TCP port (1-65535), got '%s'".formatted(secretName, key, value));
        }
    }

    public String optional(String key, String fallback) {
        var value = values.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Map<String, String> decode(Secret secret) {
        var decoded = new HashMap<String, String>();
        if (secret.getData() != null) {
            secret.getData().forEach((key, value) ->
                    decoded.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            decoded.putAll(secret.getStringData());
        }
        return decoded;
    }
}
