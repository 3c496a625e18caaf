package io.vettify.operator.testing;

import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.admin.MinioAdminClient;
import io.minio.messages.DeleteObject;
import io.vettify.platform.testing.LocalPlatform;
import io.vettify.platform.testing.MinioEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import okhttp3.OkHttpClient;

/** The local platform's MinIO as the tests see it, over TLS trusting only the platform's CA. */
public final class ObjectStorage {

    private ObjectStorage() {
    }

    /** The S3 API with the given credentials, e.g. a tenant runtime's. */
    public static MinioClient s3(String accessKey, String secretKey) {
        var minio = LocalPlatform.minio();
        return MinioClient.builder().endpoint(minio.endpoint().toString()).credentials(accessKey, secretKey)
                .httpClient(http(minio)).build();
    }

    public static MinioClient root() {
        var minio = LocalPlatform.minio();
        return s3(minio.rootUser(), minio.rootPassword());
    }

    public static MinioAdminClient admin() {
        var minio = LocalPlatform.minio();
        return MinioAdminClient.builder().endpoint(minio.endpoint().toString())
                .credentials(minio.rootUser(), minio.rootPassword()).httpClient(http(minio)).build();
    }

    /** Removes a bucket a test left behind, with every object version in it. */
    public static void removeBucket(String bucket) throws Exception {
        var s3 = root();
        if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            return;
        }
        var objects = new ArrayList<DeleteObject>();
        for (var listed : s3.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true)
                .includeVersions(true).build())) {
            var item = listed.get();
            objects.add(new DeleteObject(item.objectName(), item.versionId()));
        }
        for (var failed : s3.removeObjects(RemoveObjectsArgs.builder().bucket(bucket).objects(objects).build())) {
            throw new IllegalStateException("could not remove " + failed.get().objectName() + " from " + bucket);
        }
        s3.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
    }

    private static OkHttpClient http(MinioEndpoint minio) {
        return new OkHttpClient.Builder().sslSocketFactory(minio.sslContext().getSocketFactory(), minio.trustManager())
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(30)).build();
    }
}
