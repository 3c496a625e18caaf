package io.vettify.operator.storage;

import static io.vettify.operator.testing.TenantFixture.awaitTenant;
import static io.vettify.operator.testing.TenantFixture.create;
import static io.vettify.operator.testing.TenantFixture.deleteTenant;
import static io.vettify.operator.testing.TenantFixture.events;
import static io.vettify.operator.testing.TenantFixture.isFalseBecause;
import static io.vettify.operator.testing.TenantFixture.isTrue;
import static io.vettify.operator.testing.TenantFixture.minio;
import static io.vettify.operator.testing.TenantFixture.minioAdmin;
import static io.vettify.operator.testing.TenantFixture.minioRoot;
import static io.vettify.operator.testing.TenantFixture.newTenantId;
import static io.vettify.operator.testing.TenantFixture.prepare;
import static io.vettify.operator.testing.TenantFixture.secretData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.minio.BucketExistsArgs;
import io.minio.GetBucketVersioningArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Bucket;
import io.minio.messages.DeleteObject;
import io.minio.messages.VersioningConfiguration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.operator.testing.OperatorTestRun;
import io.vettify.operator.testing.TenantFixture;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec.DeletionPolicy;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A3 against the local platform's MinIO over TLS: the tenant's versioned bucket, its runtime user confined to it,
 * deletion by policy, and the named failures of an untrusted certificate and an unreachable store.
 */
@QuarkusTest
@QuarkusTestResource(OperatorTestRun.class)
class TenantBucketTest {

    @Inject
    KubernetesClient client;

    private VettifyTenant tenant;
    private final java.util.List<String> leftoverBuckets = new ArrayList<>();
    private String leftoverDatabaseOf;

    @AfterEach
    void cleanUp() throws Exception {
        try {
            TenantFixture.cleanUp(client, tenant);
        } finally {
            for (var bucket : leftoverBuckets) {
                removeBucket(minioRoot(), bucket);
            }
            if (leftoverDatabaseOf != null) {
                TenantFixture.dropDatabase(leftoverDatabaseOf);
            }
        }
    }

    @Test
    void aTenantGetsAVersionedBucketThatOnlyItsRuntimeCredentialsReach() throws Exception {
        var tenantId = newTenantId("bucket");
        tenant = create(client, prepare(client, tenantId));
        awaitTenant(client, tenant, "BucketReady and RuntimeAvailable",
                t -> isTrue(t, "BucketReady") && isTrue(t, "RuntimeAvailable"));

        var bucket = "vettify-" + tenantId;
        var root = minioRoot();
        assertThat(root.getBucketVersioning(GetBucketVersioningArgs.builder().bucket(bucket).build()).status())
                .isEqualTo(VersioningConfiguration.Status.ENABLED);
        var user = minioAdmin().getUserInfo("vettify-" + tenantId + "-runtime");
        assertThat(user.policyName()).isEqualTo("vettify-" + tenantId + "-bucket");
        assertThat(minioAdmin().listCannedPolicies().get("vettify-" + tenantId + "-bucket"))
                .contains("arn:aws:s3:::" + bucket + "\"", "arn:aws:s3:::" + bucket + "/*\"")
                .doesNotContain("arn:aws:s3:::*");

        var runtime = secretData(client, tenant.getMetadata().getNamespace(), "vettify-" + tenantId + "-runtime");
        var s3 = minio(runtime.get("VETTIFY_S3_ACCESS_KEY"), runtime.get("VETTIFY_S3_SECRET_KEY"));
        put(s3, bucket, "contracts/1.txt", "signed");
        try (var in = s3.getObject(GetObjectArgs.builder().bucket(bucket).object("contracts/1.txt").build())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("signed");
        }

        var other = "vettify-other-" + UUID.randomUUID().toString().substring(0, 8);
        leftoverBuckets.add(other);
        root.makeBucket(MakeBucketArgs.builder().bucket(other).build());
        assertThatThrownBy(() -> put(s3, other, "x.txt", "not yours"))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.errorResponse().code()).isEqualTo("AccessDenied"));
        assertThatThrownBy(() -> s3.getObject(GetObjectArgs.builder().bucket(other).object("x.txt").build()).close())
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.errorResponse().code()).isEqualTo("AccessDenied"));
        // MinIO answers ListBuckets with the buckets the user may use.
        assertThat(s3.listBuckets()).extracting(Bucket::name).containsExactly(bucket);
    }

    @Test
    void deletionPolicyDeleteRemovesEveryObjectVersionTheBucketTheUserAndThePolicy() throws Exception {
        var tenantId = newTenantId("bucket-del");
        tenant = create(client, prepare(client, tenantId));
        awaitTenant(client, tenant, "RuntimeAvailable", t -> isTrue(t, "RuntimeAvailable"));
        var bucket = "vettify-" + tenantId;
        var runtime = secretData(client, tenant.getMetadata().getNamespace(), "vettify-" + tenantId + "-runtime");
        var s3 = minio(runtime.get("VETTIFY_S3_ACCESS_KEY"), runtime.get("VETTIFY_S3_SECRET_KEY"));
        put(s3, bucket, "a.txt", "first");
        put(s3, bucket, "a.txt", "second");
        s3.removeObject(RemoveObjectArgs.builder().bucket(bucket).object("a.txt").build());
        put(s3, bucket, "b/c.txt", "kept until the tenant goes");
        assertThat(versions(minioRoot(), bucket)).isEqualTo(4);

        deleteTenant(client, tenant);

        assertThat(minioRoot().bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isFalse();
        assertThat(minioAdmin().listUsers()).doesNotContainKey("vettify-" + tenantId + "-runtime");
        assertThat(minioAdmin().listCannedPolicies()).doesNotContainKey("vettify-" + tenantId + "-bucket");
        assertThat(events(client, tenant)).anySatisfy(e -> assertThat(e.getReason()).isEqualTo("BucketDeleted"));
    }

    @Test
    void deletionPolicyRetainKeepsTheBucketAndItsObjectsButRemovesTheRuntimeUser() throws Exception {
        var tenantId = newTenantId("bucket-ret");
        var prepared = prepare(client, tenantId);
        prepared.getSpec().deletionPolicy = DeletionPolicy.Retain;
        tenant = create(client, prepared);
        var bucket = "vettify-" + tenantId;
        leftoverBuckets.add(bucket);
        leftoverDatabaseOf = tenantId;
        awaitTenant(client, tenant, "RuntimeAvailable", t -> isTrue(t, "RuntimeAvailable"));
        var runtime = secretData(client, tenant.getMetadata().getNamespace(), "vettify-" + tenantId + "-runtime");
        put(minio(runtime.get("VETTIFY_S3_ACCESS_KEY"), runtime.get("VETTIFY_S3_SECRET_KEY")), bucket, "a.txt", "kept");

        deleteTenant(client, tenant);

        var root = minioRoot();
        assertThat(root.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isTrue();
        try (var in = root.getObject(GetObjectArgs.builder().bucket(bucket).object("a.txt").build())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("kept");
        }
        assertThat(minioAdmin().listUsers()).doesNotContainKey("vettify-" + tenantId + "-runtime");
        assertThat(events(client, tenant)).anySatisfy(e -> assertThat(e.getReason()).isEqualTo("BucketRetained"));
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedUntilTheAdminSecretNamesTheCa() {
        var tenantId = newTenantId("bucket-tls");
        var prepared = prepare(client, tenantId);
        var adminSecret = prepared.getSpec().objectStorage.adminSecretRef.name;
        var namespace = prepared.getMetadata().getNamespace();
        var caCert = secretData(client, namespace, adminSecret).get("caCert");
        client.secrets().inNamespace(namespace).withName(adminSecret)
                .edit(secret -> {
                    secret.getData().remove("caCert");
                    return secret;
                });
        tenant = create(client, prepared);

        var refused = awaitTenant(client, tenant, "BucketReady False ObjectStoreTlsFailed",
                t -> isFalseBecause(t, "BucketReady", "ObjectStoreTlsFailed"));
        assertThat(TenantFixture.condition(refused, "BucketReady").orElseThrow().getMessage())
                .contains("vettify-" + tenantId, "caCert");

        client.secrets().inNamespace(namespace).withName(adminSecret).edit(secret -> {
            secret.getData().put("caCert", java.util.Base64.getEncoder()
                    .encodeToString(caCert.getBytes(StandardCharsets.UTF_8)));
            return secret;
        });
        awaitTenant(client, tenant, "BucketReady once caCert is there", t -> isTrue(t, "BucketReady"));
    }

    @Test
    void anUnreachableObjectStoreIsNamedAndDeletionIsReleasedAfterTheGrace() throws Exception {
        var tenantId = newTenantId("bucket-gone");
        tenant = create(client, prepare(client, tenantId));
        var bucket = "vettify-" + tenantId;
        leftoverBuckets.add(bucket);
        awaitTenant(client, tenant, "BucketReady", t -> isTrue(t, "BucketReady"));

        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        client.resources(VettifyTenant.class).inNamespace(tenant.getMetadata().getNamespace())
                .withName(tenantId).edit(t -> {
                    t.getSpec().objectStorage.endpoint = "https://127.0.0.1:1";
                    return t;
                });
        awaitTenant(client, tenant, "BucketReady False ObjectStoreUnreachable",
                t -> isFalseBecause(t, "BucketReady", "ObjectStoreUnreachable"));

        deleteTenant(client, tenant);

        assertThat(events(client, tenant)).anySatisfy(e -> {
            assertThat(e.getType()).isEqualTo("Warning");
            assertThat(e.getReason()).isEqualTo("BucketNotDeleted");
            assertThat(e.getMessage()).contains("released after");
        });
        assertThat(minioRoot().bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isTrue();
        minioAdmin().deleteUser("vettify-" + tenantId + "-runtime");
        minioAdmin().removeCannedPolicy("vettify-" + tenantId + "-bucket");
    }

    private static void put(MinioClient s3, String bucket, String object, String content) throws Exception {
        var bytes = content.getBytes(StandardCharsets.UTF_8);
        s3.putObject(PutObjectArgs.builder().bucket(bucket).object(object)
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
    }

    private static int versions(MinioClient s3, String bucket) throws Exception {
        int count = 0;
        for (var item : s3.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true).includeVersions(true)
                .build())) {
            item.get();
            count++;
        }
        return count;
    }

    /** Removes a bucket the test left behind, with every version in it. */
    private static void removeBucket(MinioClient s3, String bucket) throws Exception {
        if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            return;
        }
        var objects = new ArrayList<DeleteObject>();
        for (var item : s3.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true).includeVersions(true)
                .build())) {
            objects.add(new DeleteObject(item.get().objectName(), item.get().versionId()));
        }
        for (var error : s3.removeObjects(RemoveObjectsArgs.builder().bucket(bucket).objects(objects).build())) {
            throw new IllegalStateException("could not remove " + error.get().objectName());
        }
        s3.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
    }
}
