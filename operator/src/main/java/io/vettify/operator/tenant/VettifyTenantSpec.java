package io.vettify.operator.tenant;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

public class VettifyTenantSpec {

    @Required
    @Pattern("^[a-z][a-z0-9-]{1,39}$")
    @ValidationRule(value = "self == oldSelf", message = "tenantId is immutable: create a new VettifyTenant instead")
    @JsonPropertyDescription("The tenant id (the tid claim and column); immutable.")
    public String tenantId;

    @Required
    @Size(min = 1, max = 200)
    public String displayName;

    @Size(max = 50)
    @JsonPropertyDescription("The warehouse ids (whid claim values) known in this tenant.")
    public List<String> warehouses = new ArrayList<>();

    @Required
    public DatabaseSpec database;

    @Required
    public ObjectStorageSpec objectStorage;

    public RedisSpec redis = new RedisSpec();

    @Required
    public SecretsSpec secrets;

    @Required
    public RuntimeSpec runtime;

    @Default("Retain")
    @JsonPropertyDescription("Retain keeps the database and the bucket when the tenant is deleted; Delete drops them.")
    public DeletionPolicy deletionPolicy = DeletionPolicy.Retain;

    public enum DeletionPolicy {
        Retain, Delete
    }

    public static class SecretRef {
        @Required
        @Pattern("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
        public String name;

        public SecretRef() {
        }

        public SecretRef(String name) {
            this.name = name;
        }
    }

    public static class DatabaseSpec {
        @Required
        @JsonPropertyDescription("Secret with host, port, username, password of the tenant's PostgreSQL 17 cluster.")
        public SecretRef adminSecretRef;

        @Pattern("^[a-z_][a-z0-9_]{0,47}$")
        @JsonPropertyDescription("Database name; default vettify_<tenantId> (dashes become underscores).")
        public String name;
    }

    public static class ObjectStorageSpec {
        @Required
        @Pattern("^https?://[^\\s/]+(:[0-9]+)?/?$")
        public String endpoint;

        @Required
        @JsonPropertyDescription("Secret with accessKey and secretKey of an object-store administrator.")
        public SecretRef adminSecretRef;

        @Pattern("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")
        @JsonPropertyDescription("Bucket name; default vettify-<tenantId>.")
        public String bucket;
    }

    @ValidationRule(value = "self.mode != 'External' || has(self.urlSecretRef)",
            message = "redis.mode External needs redis.urlSecretRef")
    public static class RedisSpec {
        @Default("Dedicated")
        public RedisMode mode = RedisMode.Dedicated;

        @Default("1Gi")
        @Pattern("^[0-9]+(Mi|Gi|Ti)$")
        public String storage = "1Gi";

        @JsonPropertyDescription("External mode: a Secret whose key `url` holds the Redis URL.")
        public SecretRef urlSecretRef;
    }

    public enum RedisMode {
        Dedicated, External
    }

    @ValidationRule(value = "self.mode != 'ExternalSecrets' || has(self.storeRef)",
            message = "secrets.mode ExternalSecrets needs secrets.storeRef")
    public static class SecretsSpec {
        @Default("ExternalSecrets")
        public SecretsMode mode = SecretsMode.ExternalSecrets;

        public StoreRef storeRef;

        @Pattern("^[A-Za-z0-9_./-]{1,200}$")
        @JsonPropertyDescription("Prefix of the remote keys; default vettify/<tenantId>.")
        public String remoteKeyPrefix;
    }

    public enum SecretsMode {
        ExternalSecrets, Provided
    }

    public static class StoreRef {
        @Default("ClusterSecretStore")
        public StoreKind kind = StoreKind.ClusterSecretStore;

        @Required
        public String name;
    }

    public enum StoreKind {
        SecretStore, ClusterSecretStore
    }

    public static class RuntimeSpec {
        @Default("ghcr.io/vettify/crm-runtime")
        @Pattern("^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*$")
        public String image = "ghcr.io/vettify/crm-runtime";

        @Required
        @Pattern("^[0-9]+\\.[0-9]+\\.[0-9]+$")
        @JsonPropertyDescription("Runtime release; changing it runs that release's migrations, then the canary.")
        public String version;

        @Default("2")
        @io.fabric8.generator.annotation.Min(1)
        @io.fabric8.generator.annotation.Max(50)
        public Integer replicas = 2;

        @Required
        @Pattern("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+$")
        public String host;

        public CanarySpec canary = new CanarySpec();
    }

    public static class CanarySpec {
        @Size(min = 1, max = 10)
        @ValidationRule(value = "self.all(w, w >= 1 && w <= 100)", message = "canary steps are weights from 1 to 100")
        @ValidationRule(value = "self.isSorted() && self.all(w, self.filter(x, x == w).size() == 1)",
                message = "canary steps must increase")
        @JsonPropertyDescription("Canary weights in percent, increasing; default [10, 50, 100].")
        public List<Integer> steps = new ArrayList<>(List.of(10, 50, 100));

        @Default("5m")
        @Pattern("^[0-9]+(s|m|h)$")
        @JsonPropertyDescription("Pause after each step before the next one (Argo Rollouts duration).")
        public String pause = "5m";

        public AnalysisSpec analysis = new AnalysisSpec();
    }

    public static class AnalysisSpec {
        @Default("http://prometheus.monitoring:9090")
        @Pattern("^https?://.+$")
        public String prometheusUrl = "http://prometheus.monitoring:9090";

        @Default("0.01")
        @io.fabric8.generator.annotation.Min(0)
        @io.fabric8.generator.annotation.Max(1)
        public Double maxErrorRate = 0.01;

        @Default("250")
        @io.fabric8.generator.annotation.Min(1)
        public Integer maxP95Ms = 250;

        @Default("0.95")
        @io.fabric8.generator.annotation.Min(0)
        @io.fabric8.generator.annotation.Max(1)
        public Double minLeadResponseRate = 0.95;
    }
}
