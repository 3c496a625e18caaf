package io.vettify.operator.secrets;

import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import java.util.List;

/** The Secrets a tenant's provisioning reads: from its secret store (ExternalSecrets mode) or created by hand. */
public enum TenantSecret {

    DATABASE_ADMIN("database-admin", List.of("host", "port", "username", "password")),
    OBJECT_STORAGE_ADMIN("object-storage-admin", List.of("accessKey", "secretKey")),
    RUNTIME_KEYS("runtime-keys", List.of("sseCustomerKey", "webhookSigningKey"));

    private final String remoteKeySuffix;
    private final List<String> requiredKeys;

    TenantSecret(String remoteKeySuffix, List<String> requiredKeys) {
        this.remoteKeySuffix = remoteKeySuffix;
        this.requiredKeys = requiredKeys;
    }

    public String secretName(VettifyTenant tenant) {
        return switch (this) {
            case DATABASE_ADMIN -> tenant.getSpec().database.adminSecretRef.name;
            case OBJECT_STORAGE_ADMIN -> tenant.getSpec().objectStorage.adminSecretRef.name;
            case RUNTIME_KEYS -> TenantNames.runtimeKeysSecret(tenant);
        };
    }

    /** The key in the secret store: {@code <remoteKeyPrefix>/<suffix>}, a JSON object holding the required keys. */
    public String remoteKey(VettifyTenant tenant) {
        return TenantNames.remoteKeyPrefix(tenant) + "/" + remoteKeySuffix;
    }

    public List<String> requiredKeys() {
        return requiredKeys;
    }
}
