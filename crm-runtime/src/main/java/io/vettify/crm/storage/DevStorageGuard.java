package io.vettify.crm.storage;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start a runtime with the development SSE-C key, or one that would create its own bucket, outside the
 * dev and test profiles: in a cluster the key comes from the tenant's secret store and the operator owns the bucket.
 */
@ApplicationScoped
public class DevStorageGuard {

    void onStart(@Observes @Priority(1) StartupEvent event) {
        var config = ConfigProvider.getConfig();
        check(ConfigUtils.getProfiles(),
                config.getOptionalValue("vettify.storage.dev-sse-customer-key", String.class),
                config.getOptionalValue("vettify.storage.create-bucket", Boolean.class).orElse(false));
    }

    static void check(List<String> profiles, Optional<String> devKey, boolean createBucket) {
        if (profiles.contains("dev") || profiles.contains("test")) {
            return;
        }
        if (devKey.isPresent()) {
            throw new IllegalStateException("vettify.storage.dev-sse-customer-key (a development SSE-C key) is accepted"
                    + " only in the dev and test profiles; active profiles: " + profiles
                    + ". Set VETTIFY_SSE_CUSTOMER_KEY from the tenant's secret store instead.");
        }
        // The bench profile (loopback only, its own MinIO bucket) may create its bucket; a tenant's runtime never does.
        if (createBucket && !List.of("bench").equals(profiles)) {
            throw new IllegalStateException("vettify.storage.create-bucket is for the dev and test profiles only; active"
                    + " profiles: " + profiles + ". The operator provisions the tenant's bucket.");
        }
    }
}
