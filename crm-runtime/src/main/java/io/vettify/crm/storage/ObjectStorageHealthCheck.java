package io.vettify.crm.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the tenant's bucket answers to the runtime's credentials. */
@Readiness
@ApplicationScoped
public class ObjectStorageHealthCheck implements HealthCheck {

    static final String NAME = "Object storage health check";

    private final ObjectStorage storage;

    public ObjectStorageHealthCheck(ObjectStorage storage) {
        this.storage = storage;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME).withData("bucket", storage.bucket());
        try {
            return storage.bucketReachable() ? response.up().build()
                    : response.down().withData("error", "the bucket does not exist").build();
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
