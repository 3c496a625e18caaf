package io.vettify.operator.storage;

import static io.vettify.operator.tenant.ConditionType.BucketReady;
import static io.vettify.operator.tenant.ConditionType.RuntimeAvailable;
import static io.vettify.operator.testing.Tenants.awaitCondition;
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
import io.minio.RemoveObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Bucket;
import io.minio.messages.VersioningConfiguration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec.DeletionPolicy;
import io.vettify.operator.testing.ObjectStorage;
import io.vettify.operator.testing.OperatorInstance;
import io.vettify.operator.testing.SecretData;
import io.vettify.operator.testing.TenantFixtures;
import io.vettify.operator.testing.Tenants;
import io.vettify.operator.testing.TestDatabase;
import io.vettify.platform.testing.LocalPlatformResource;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A3 against the local platform's MinIO over TLS: the tenant's versioned bucket, its runtime user confined to it,
 * deletion by policy, and the named failures of an untrusted certificate and an unreachable store.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalPlatformResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OperatorInstance.class, restrictToAnnotatedClass = false)
class TenantBucketTest {

    @Inject
    KubernetesClient client;

    private final List<String> leftoverBuckets = new ArrayList<>();
    private final List<String> leftoverDatabases = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        TenantFixtures.deleteTestNamespaces(client);
        for (var bucket : leftoverBuckets) {
            ObjectStorage.removeBucket(bucket);
        }
        for (var database : leftoverDatabases) {
            try (var connection = TestDatabase.superuser("postgres"); var statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                statement.execute("DROP ROLE IF EXISTS " + database + "_app");
                statement.execute("DROP ROLE IF EXISTS " + database + "_owner");
            }
        }
    }

    @Test
    void aTenantGetsAVersionedBucketThatOnlyItsRuntimeCredentialsReach() throws Exception {
        var tenant = provisioned("bucket", DeletionPolicy.Delete);
        var bucket = TenantNames.bucket(tenant);
        var user = TenantNames.bucketUser(tenant);
        var policy = TenantNames.bucketPolicy(tenant);

        assertThat(ObjectStorage.root().getBucketVersioning(GetBucketVersioningArgs.builder().bucket(bucket).build())
                .status()).isEqualTo(VersioningConfiguration.Status.ENABLED);
        assertThat(ObjectStorage.admin().getUserInfo(user).policyName()).isEqualTo(policy);
        assertThat(ObjectStorage.admin().listCannedPolicies().get(policy))
                .contains("\"arn:aws:s3:::" + bucket + "\"", "\"arn:aws:s3:::" + bucket + "/*\"")
                .doesNotContain("arn:aws:s3:::*");

        var s3 = runtimeClient(tenant);
        put(s3, bucket, "contracts/1.txt", "signed");
        try (var in = s3.getObject(GetObjectArgs.builder().bucket(bucket).object("contracts/1.txt").build())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("signed");
        }

        var other = "vettify-other-" + UUID.randomUUID().toString().substring(0, 8);
        leftoverBuckets.add(other);
        ObjectStorage.root().makeBucket(MakeBucketArgs.builder().bucket(other).build());
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
        var tenant = provisioned("bucket-del", DeletionPolicy.Delete);
        var bucket = TenantNames.bucket(tenant);
        var s3 = runtimeClient(tenant);
        put(s3, bucket, "a.txt", "first");
        put(s3, bucket, "a.txt", "second");
        s3.removeObject(RemoveObjectArgs.builder().bucket(bucket).object("a.txt").build());
        put(s3, bucket, "b/c.txt", "kept until the tenant goes");
        assertThat(versions(bucket)).as("two versions and a delete marker of a.txt, one of b/c.txt").isEqualTo(4);

        Tenants.deleteAndAwaitGone(client, tenant);

        assertThat(ObjectStorage.root().bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isFalse();
        assertThat(ObjectStorage.admin().listUsers()).doesNotContainKey(TenantNames.bucketUser(tenant));
        assertThat(ObjectStorage.admin().listCannedPolicies()).doesNotContainKey(TenantNames.bucketPolicy(tenant));
        assertThat(Tenants.events(client, tenant)).extracting(event -> event.getReason()).contains("BucketDeleted");
    }

    @Test
    void deletionPolicyRetainKeepsTheBucketAndItsObjectsButRemovesTheRuntimeUser() throws Exception {
        var tenant = provisioned("bucket-ret", DeletionPolicy.Retain);
        var bucket = TenantNames.bucket(tenant);
        leftoverBuckets.add(bucket);
        leftoverDatabases.add(TenantNames.databaseName(tenant));
        put(runtimeClient(tenant), bucket, "a.txt", "kept");

        Tenants.deleteAndAwaitGone(client, tenant);

        var root = ObjectStorage.root();
        assertThat(root.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isTrue();
        try (var in = root.getObject(GetObjectArgs.builder().bucket(bucket).object("a.txt").build())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("kept");
        }
        assertThat(ObjectStorage.admin().listUsers()).doesNotContainKey(TenantNames.bucketUser(tenant));
        assertThat(Tenants.events(client, tenant)).extracting(event -> event.getReason()).contains("BucketRetained");
    }

    @Test
    void aCertificateFromACaTheOperatorWasNotGivenIsRefusedUntilTheAdminSecretNamesIt() {
        var tenantId = TenantFixtures.uniqueTenantId("bucket-tls");
        var tenant = TenantFixtures.tenant(TenantFixtures.newNamespace(client, tenantId), tenantId);
        tenant.getSpec().deletionPolicy = DeletionPolicy.Delete;
        TenantFixtures.createAdminSecrets(client, tenant);
        var adminSecret = client.secrets().inNamespace(tenant.getMetadata().getNamespace())
                .withName(tenant.getSpec().objectStorage.adminSecretRef.name);
        var caCert = adminSecret.get().getData().get("caCert");
        adminSecret.edit(secret -> {
            secret.getData().remove("caCert");
            return secret;
        });
        Tenants.apply(client, tenant);

        var refused = awaitCondition(client, tenant, BucketReady, "False", "ObjectStoreTlsFailed");
        assertThat(refused.getMessage()).contains(TenantNames.bucket(tenant), "caCert");

        adminSecret.edit(secret -> {
            secret.getData().put("caCert", caCert);
            return secret;
        });
        awaitCondition(client, tenant, BucketReady, "True", null);
    }

    @Test
    void anUnreachableObjectStoreIsNamedAndItsDeletionIsReleasedAfterTheGrace() throws Exception {
        var tenant = provisioned("bucket-gone", DeletionPolicy.Delete);
        var bucket = TenantNames.bucket(tenant);
        leftoverBuckets.add(bucket);

        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        Tenants.edit(client, tenant, t -> {
            t.getSpec().objectStorage.endpoint = "https://127.0.0.1:1";
            return t;
        });
        awaitCondition(client, tenant, BucketReady, "False", "ObjectStoreUnreachable");

        Tenants.deleteAndAwaitGone(client, tenant);

        assertThat(Tenants.events(client, tenant)).anySatisfy(event -> {
            assertThat(event.getType()).isEqualTo("Warning");
            assertThat(event.getReason()).isEqualTo("BucketNotDeleted");
            assertThat(event.getMessage()).contains("released after", bucket);
        });
        assertThat(ObjectStorage.root().bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isTrue();
        ObjectStorage.admin().deleteUser(TenantNames.bucketUser(tenant));
        ObjectStorage.admin().removeCannedPolicy(TenantNames.bucketPolicy(tenant));
    }

    private VettifyTenant provisioned(String prefix, DeletionPolicy policy) {
        var tenantId = TenantFixtures.uniqueTenantId(prefix);
        var tenant = TenantFixtures.tenant(TenantFixtures.newNamespace(client, tenantId), tenantId);
        tenant.getSpec().deletionPolicy = policy;
        TenantFixtures.createAdminSecrets(client, tenant);
        Tenants.apply(client, tenant);
        awaitCondition(client, tenant, RuntimeAvailable, "True", null);
        return tenant;
    }

    /** The runtime's credentials, as the generated runtime Secret hands them to it. */
    private MinioClient runtimeClient(VettifyTenant tenant) {
        var runtime = SecretData.of(client, tenant.getMetadata().getNamespace(), TenantNames.runtimeSecret(tenant));
        return ObjectStorage.s3(runtime.get("VETTIFY_S3_ACCESS_KEY"), runtime.get("VETTIFY_S3_SECRET_KEY"));
    }

    private static void put(MinioClient s3, String bucket, String object, String content) throws Exception {
        var bytes = content.getBytes(StandardCharsets.UTF_8);
        s3.putObject(PutObjectArgs.builder().bucket(bucket).object(object)
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
    }

    private static int versions(String bucket) throws Exception {
        int count = 0;
        for (var item : ObjectStorage.root().listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true)
                .includeVersions(true).build())) {
            item.get();
            count++;
        }
        return count;
    }
}
