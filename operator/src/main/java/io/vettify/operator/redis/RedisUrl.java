package io.vettify.operator.redis;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vettify.operator.secrets.SecretValues;
import io.vettify.operator.tenant.ProvisioningException;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec.RedisMode;

/** The URL the runtime connects to Redis with: the dedicated one's Service and password, or the External one's. */
public final class RedisUrl {

    /** The key of {@code spec.redis.urlSecretRef} that holds the URL. */
    public static final String URL_KEY = "url";

    private RedisUrl() {
    }

    public static String of(VettifyTenant tenant, KubernetesClient client) {
        var namespace = tenant.getMetadata().getNamespace();
        if (tenant.getSpec().redis.mode == RedisMode.Dedicated) {
            var name = TenantNames.redis(tenant);
            var password = SecretValues.read(client, namespace, name).required(RedisPasswordSecret.PASSWORD);
            // The password is base64url: nothing in it needs escaping in a URL.
            return "redis://:%s@%s.%s.svc:%d".formatted(password, name, namespace, RedisService.PORT);
        }
        var secretName = tenant.getSpec().redis.urlSecretRef.name;
        var url = SecretValues.read(client, namespace, secretName).required(URL_KEY).trim();
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new ProvisioningException("SecretInvalid", "Secret %s: key %s must be a redis:// or rediss:// URL"
                    .formatted(secretName, URL_KEY));
        }
        return url;
    }
}
