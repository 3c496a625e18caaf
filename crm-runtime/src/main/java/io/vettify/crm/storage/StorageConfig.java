package io.vettify.crm.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The tenant's object storage, from the runtime Secret the operator generates ({@code VETTIFY_S3_*},
 * {@code VETTIFY_SSE_CUSTOMER_KEY}); dev and test point it at the local MinIO.
 */
@ConfigMapping(prefix = "vettify.storage")
public interface StorageConfig {

    /** S3 endpoint, e.g. {@code https://minio.acme.svc:9000}. */
    String endpoint();

    String bucket();

    String accessKey();

    String secretKey();

    /** The tenant's SSE-C key: base64 of 32 random bytes. */
    Optional<String> sseCustomerKey();

    /** A development SSE-C key (dev and test profiles only; {@link DevStorageGuard}), used when no tenant key is set. */
    Optional<String> devSseCustomerKey();

    /** PEM of the CA(s) that signed the endpoint's certificate; without it the JVM's default trust store. */
    Optional<String> caCert();

    /** Creates the bucket at start when it is missing (dev and test only: in a cluster the operator owns it). */
    @WithDefault("false")
    boolean createBucket();
}
