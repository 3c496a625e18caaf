package io.vettify.crm.testing;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.SetBucketVersioningArgs;
import io.minio.messages.VersioningConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vettify.platform.testing.LocalPlatform;
import io.vettify.platform.testing.MinioEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Object storage for the tests: the local MinIO over TLS, started alone ({@code scripts/cluster.sh minio up}) when it
 * is not running, a test bucket, and a development SSE-C key made for this test run.
 */
public class ObjectStorageResource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "vettify-test";
    private static final String SSE_KEY = newKey();

    @Override
    public Map<String, String> start() {
        MinioEndpoint minio = LocalPlatform.ensureMinio();
        try {
            MinioClient client = rootClient();
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
                // Versioned, as the operator makes a tenant's bucket: deleting must remove every version.
                client.setBucketVersioning(SetBucketVersioningArgs.builder().bucket(BUCKET)
                        .config(new VersioningConfiguration(VersioningConfiguration.Status.ENABLED, null)).build());
            }
            return Map.of("vettify.storage.endpoint", minio.endpoint().toString(),
                    "vettify.storage.bucket", BUCKET,
                    "vettify.storage.access-key", minio.rootUser(),
                    "vettify.storage.secret-key", minio.rootPassword(),
                    "vettify.storage.dev-sse-customer-key", SSE_KEY,
                    "vettify.storage.ca-cert", Files.readString(minio.caCertificate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the test bucket " + BUCKET, e);
        }
    }

    @Override
    public void stop() {
        // MinIO is shared by every test run; `./vettify cluster minio down` stops it.
    }

    /** An S3 client with MinIO's root credentials and no SSE-C key: it reads objects as an outsider would. */
    public static MinioClient rootClient() {
        MinioEndpoint minio = LocalPlatform.ensureMinio();
        OkHttpClient http = new OkHttpClient.Builder()
                .sslSocketFactory(minio.sslContext().getSocketFactory(), minio.trustManager())
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(30)).build();
        return MinioClient.builder().endpoint(minio.endpoint().toString())
                .credentials(minio.rootUser(), minio.rootPassword()).httpClient(http).build();
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
