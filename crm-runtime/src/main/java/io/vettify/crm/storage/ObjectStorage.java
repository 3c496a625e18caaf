package io.vettify.crm.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import io.vettify.crm.common.api.Problem;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.common.api.ProblemType;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.jboss.logging.Logger;

/**
 * The tenant's bucket (MinIO Java SDK over TLS). Every object is written and read with its own SSE-C key
 * ({@link SseKeys}): the object store keeps only ciphertext and a key's HMAC, and nothing reads an object without
 * the key. The bucket is versioned in a cluster, so {@link #delete} removes every version.
 */
@ApplicationScoped
@Startup
public class ObjectStorage {

    private static final Logger LOG = Logger.getLogger(ObjectStorage.class);

    private final MinioClient client;
    private final String bucket;
    private final SseKeys keys;

    public ObjectStorage(StorageConfig config) {
        this.bucket = config.bucket();
        this.keys = SseKeys.fromBase64(config.sseCustomerKey().or(config::devSseCustomerKey).orElseThrow(
                () -> new IllegalStateException("VETTIFY_SSE_CUSTOMER_KEY (vettify.storage.sse-customer-key) is required")),
                "vettify.storage.sse-customer-key");
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30));
        config.caCert().ifPresent(pem -> {
            X509TrustManager trust = trusting(pem);
            http.sslSocketFactory(sslContext(trust).getSocketFactory(), trust);
        });
        this.client = MinioClient.builder().endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey()).httpClient(http.build()).build();
        if (config.createBucket()) {
            createBucketIfMissing();
        }
    }

    /** Stores {@code size} bytes under {@code key}, encrypted with the object's own key. */
    public void put(String key, InputStream content, long size, String contentType) {
        try {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(content, size, -1)
                    .contentType(contentType).sse(keys.forObject(key)).build());
        } catch (Exception e) {
            throw unavailable("store", key, e);
        }
    }

    /** The object's bytes (the caller closes the stream); 404 problem when it is gone. */
    public InputStream get(String key) {
        try {
            return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).ssec(keys.forObject(key)).build());
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                throw new ProblemException(Problem.of(ProblemType.NOT_FOUND, "the stored content is gone"));
            }
            throw unavailable("read", key, e);
        } catch (Exception e) {
            throw unavailable("read", key, e);
        }
    }

    /** Removes the object with every version the bucket keeps of it; nothing when it does not exist. */
    public void delete(String key) {
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(key)
                    .includeVersions(true).recursive(true).build())) {
                Item item = result.get();
                if (item.objectName().equals(key)) {
                    client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key)
                            .versionId(item.versionId()).build());
                }
            }
        } catch (Exception e) {
            throw unavailable("delete", key, e);
        }
    }

    /** Whether the bucket answers to this runtime's credentials (readiness). */
    public boolean bucketReachable() throws Exception {
        return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
    }

    public String bucket() {
        return bucket;
    }

    private void createBucketIfMissing() {
        try {
            if (!bucketReachable()) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                LOG.infof("created the bucket %s", bucket);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    private static ProblemException unavailable(String doing, String key, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        LOG.errorf(e, "object storage: cannot %s %s", doing, key);
        return new ProblemException(Problem.of(ProblemType.UNAVAILABLE, "object storage is unavailable; retry later"));
    }

    private static X509TrustManager trusting(String pem) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new GeneralSecurityException("no certificate in it");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                    .map(X509TrustManager.class::cast).findFirst().orElseThrow();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("vettify.storage.ca-cert (VETTIFY_S3_CA_CERT) must hold PEM certificates: "
                    + e.getMessage());
        }
    }

    private static SSLContext sslContext(X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context", e);
        }
    }
}
