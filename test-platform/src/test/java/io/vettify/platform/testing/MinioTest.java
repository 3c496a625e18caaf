package io.vettify.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.ServerSideEncryptionCustomerKey;
import io.minio.errors.ErrorResponseException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.net.ssl.SSLException;

/**
 * MinIO on the local platform, over TLS with a certificate from the cluster's CA: a client that trusts only that CA
 * creates a bucket and puts and gets an object encrypted with a customer-provided key (SSE-C); without the key, or
 * with another one, the object cannot be read; a client with the JDK's default trust does not get through TLS.
 */
@ExtendWith(LocalPlatformExtension.class)
class MinioTest {

    private MinioEndpoint endpoint;
    private MinioClient minio;
    private String bucket;
    private final String object = "tenants/acme/contract.txt";

    @BeforeEach
    void connect() {
        endpoint = LocalPlatform.minio();
        OkHttpClient http = new OkHttpClient.Builder()
                .sslSocketFactory(endpoint.sslContext().getSocketFactory(), endpoint.trustManager())
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(30)).build();
        minio = MinioClient.builder().endpoint(endpoint.endpoint().toString())
                .credentials(endpoint.rootUser(), endpoint.rootPassword()).httpClient(http).build();
        bucket = "vettify-test-" + Resources.unique();
    }

    @AfterEach
    void removeBucket() throws Exception {
        if (minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(object).build());
            minio.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
        }
    }

    @Test
    void storesAnObjectEncryptedWithTheCustomersKeyAndReadsItOnlyWithThatKey() throws Exception {
        minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isTrue();

        ServerSideEncryptionCustomerKey key = new ServerSideEncryptionCustomerKey(aesKey());
        byte[] content = "Vettify contract for acme, signed.".getBytes(StandardCharsets.UTF_8);
        minio.putObject(PutObjectArgs.builder().bucket(bucket).object(object)
                .stream(new ByteArrayInputStream(content), content.length, -1)
                .contentType("text/plain").sse(key).build());

        try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object(object).ssec(key).build())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(minio.statObject(StatObjectArgs.builder().bucket(bucket).object(object).ssec(key).build()).size())
                .isEqualTo(content.length);

        assertThatThrownBy(() -> minio.getObject(GetObjectArgs.builder().bucket(bucket).object(object).build()).close())
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.response().code()).isEqualTo(400);
                    assertThat(e.errorResponse().code()).isEqualTo("InvalidRequest");
                    assertThat(e.errorResponse().message()).contains("Server Side Encryption");
                });

        ServerSideEncryptionCustomerKey otherKey = new ServerSideEncryptionCustomerKey(aesKey());
        assertThatThrownBy(() -> minio.getObject(GetObjectArgs.builder().bucket(bucket).object(object).ssec(otherKey)
                .build()).close())
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.response().code()).isEqualTo(403));
    }

    @Test
    void theCertificateIsTrustedOnlyThroughThePlatformsCa() {
        assertThat(endpoint.endpoint().getScheme()).isEqualTo("https");
        MinioClient defaultTrust = MinioClient.builder().endpoint(endpoint.endpoint().toString())
                .credentials(endpoint.rootUser(), endpoint.rootPassword())
                .httpClient(new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).build()).build();
        assertThatThrownBy(() -> defaultTrust.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()))
                .isInstanceOf(SSLException.class);
    }

    private static SecretKey aesKey() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, new SecureRandom());
        return generator.generateKey();
    }
}
