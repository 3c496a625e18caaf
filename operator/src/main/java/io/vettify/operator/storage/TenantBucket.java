package io.vettify.operator.storage;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.minio.BucketExistsArgs;
import io.minio.GetBucketVersioningArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.SetBucketVersioningArgs;
import io.minio.admin.MinioAdminClient;
import io.minio.admin.UserInfo;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.DeleteObject;
import io.minio.messages.VersioningConfiguration;
import io.vettify.operator.database.DeletionGrace;
import io.vettify.operator.secrets.SecretValues;
import io.vettify.operator.tenant.ConditionType;
import io.vettify.operator.tenant.ProvisioningException;
import io.vettify.operator.tenant.TenantDependent;
import io.vettify.operator.tenant.TenantEvents;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec.DeletionPolicy;
import jakarta.inject.Inject;
import java.util.ArrayList;

/**
 * A3: the tenant's bucket with versioning enabled, and the runtime's own user on the object store, whose canned policy
 * allows everything in that bucket and nothing else. Idempotent: the user gets the secret key of
 * {@link BucketCredentialsSecret} on every pass. On deletion the runtime's user and policy are removed; with
 * {@code deletionPolicy: Delete} the bucket too, after every version of every object in it.
 */
public class TenantBucket implements DependentResource<TenantBucket.Provisioned, VettifyTenant>, Deleter<VettifyTenant>,
        TenantDependent {

    /** What was provisioned (a class, not a record: the operator's build-time index resolves its hierarchy). */
    public static final class Provisioned {
        public final String bucket;
        public final String user;

        Provisioned(String bucket, String user) {
            this.bucket = bucket;
            this.user = user;
        }
    }

    /** Objects removed per request: the S3 API's limit for a multi-object delete. */
    private static final int DELETE_BATCH = 1000;

    @Inject
    TenantEvents events;

    @Inject
    DeletionGrace deletionGrace;

    /** Its name in the workflow (an external dependent has no name setter: the workflow looks it up by this). */
    public static final String NAME = "bucket";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConditionType condition() {
        return ConditionType.BucketReady;
    }

    @Override
    public Class<Provisioned> resourceType() {
        return Provisioned.class;
    }

    @Override
    public ReconcileResult<Provisioned> reconcile(VettifyTenant tenant, Context<VettifyTenant> context) {
        var store = ObjectStore.of(tenant, context.getClient());
        var credentials = SecretValues.read(context.getClient(), tenant.getMetadata().getNamespace(),
                TenantNames.bucketCredentialsSecret(tenant));
        var provisioned = new Provisioned(TenantNames.bucket(tenant), credentials.required(BucketCredentialsSecret.ACCESS_KEY));
        var policy = TenantNames.bucketPolicy(tenant);
        boolean created;
        try {
            created = ensureVersionedBucket(store.s3(), provisioned.bucket);
        } catch (Exception e) {
            throw store.failure("provisioning bucket " + provisioned.bucket, e);
        }
        try {
            var admin = store.admin();
            admin.addCannedPolicy(policy, bucketOnlyPolicy(provisioned.bucket));
            admin.addUser(provisioned.user, UserInfo.Status.ENABLED,
                    credentials.required(BucketCredentialsSecret.SECRET_KEY), null, null);
            admin.setPolicy(provisioned.user, false, policy);
        } catch (Exception e) {
            throw store.failure("provisioning user %s with policy %s".formatted(provisioned.user, policy), e);
        }
        return created ? ReconcileResult.resourceCreated(provisioned) : ReconcileResult.noOperation(provisioned);
    }

    @Override
    public void delete(VettifyTenant tenant, Context<VettifyTenant> context) {
        var bucket = TenantNames.bucket(tenant);
        var user = TenantNames.bucketUser(tenant);
        boolean dropBucket = tenant.getSpec().deletionPolicy == DeletionPolicy.Delete;
        var doing = dropBucket ? "deleting bucket %s and user %s".formatted(bucket, user)
                : "removing user %s".formatted(user);
        try {
            var store = ObjectStore.of(tenant, context.getClient());
            try {
                if (dropBucket) {
                    removeBucketWithEveryVersion(store.s3(), bucket);
                }
                // The user goes even when the bucket is retained: its secret key lived in a Secret the tenant owns,
                // deleted with it, so it would be a credential no one manages.
                removeUserAndPolicy(store.admin(), user, TenantNames.bucketPolicy(tenant));
            } catch (Exception e) {
                throw store.failure(doing, e);
            }
        } catch (ProvisioningException e) {
            deletionGrace.retryOrRelease(tenant, dropBucket ? "BucketNotDeleted" : "BucketUserNotRemoved",
                    e.getMessage(), e);
            return;
        }
        if (dropBucket) {
            events.normal(tenant, "BucketDeleted", "bucket %s, every object version in it, user %s and its policy"
                    .formatted(bucket, user) + " were deleted");
        } else {
            events.normal(tenant, "BucketRetained", ("deletionPolicy Retain: bucket %s and its objects are kept;"
                    + " user %s and its policy were removed").formatted(bucket, user));
        }
    }

    /** Creates the bucket unless it exists and turns versioning on; true when the bucket was created. */
    private static boolean ensureVersionedBucket(MinioClient s3, String bucket) throws Exception {
        boolean created = false;
        if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            try {
                s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                created = true;
            } catch (ErrorResponseException e) {
                if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                    throw e;
                }
            }
        }
        var versioning = s3.getBucketVersioning(GetBucketVersioningArgs.builder().bucket(bucket).build());
        if (versioning.status() != VersioningConfiguration.Status.ENABLED) {
            s3.setBucketVersioning(SetBucketVersioningArgs.builder().bucket(bucket)
                    .config(new VersioningConfiguration(VersioningConfiguration.Status.ENABLED, null)).build());
        }
        return created;
    }

    /** A versioned bucket is empty only without any version and delete marker: removes those in batches, then it. */
    private static void removeBucketWithEveryVersion(MinioClient s3, String bucket) throws Exception {
        if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            return;
        }
        while (true) {
            var batch = new ArrayList<DeleteObject>();
            for (var listed : s3.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true)
                    .includeVersions(true).build())) {
                var item = listed.get();
                batch.add(new DeleteObject(item.objectName(), item.versionId()));
                if (batch.size() == DELETE_BATCH) {
                    break;
                }
            }
            if (batch.isEmpty()) {
                break;
            }
            // The results are lazy: iterating them sends the request; each one is an object that was not deleted.
            for (var failed : s3.removeObjects(RemoveObjectsArgs.builder().bucket(bucket).objects(batch).build())) {
                var error = failed.get();
                throw new IllegalStateException("object %s was not deleted: %s %s".formatted(error.objectName(),
                        error.code(), error.message()));
            }
        }
        s3.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
    }

    private static void removeUserAndPolicy(MinioAdminClient admin, String user, String policy) throws Exception {
        if (admin.listUsers().containsKey(user)) {
            admin.deleteUser(user);
        }
        if (admin.listCannedPolicies().containsKey(policy)) {
            admin.removeCannedPolicy(policy);
        }
    }

    /** Everything in the bucket and its objects, nothing elsewhere (no ListAllMyBuckets either). */
    static String bucketOnlyPolicy(String bucket) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],\
                "Resource":["arn:aws:s3:::%s","arn:aws:s3:::%s/*"]}]}""".formatted(bucket, bucket);
    }
}
