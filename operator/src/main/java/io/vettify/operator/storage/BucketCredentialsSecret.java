package io.vettify.operator.storage;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.vettify.operator.secrets.GeneratedSecret;
import io.vettify.operator.tenant.ConditionType;
import io.vettify.operator.tenant.TenantDependent;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;

/**
 * The runtime's object-store credentials: the access key {@link TenantNames#bucketUser} and a secret key generated
 * once, kept in a Secret the tenant owns. {@link TenantBucket} makes the object store's user match it.
 */
@KubernetesDependent(informer = @Informer(labelSelector = GeneratedSecret.SELECTOR))
public class BucketCredentialsSecret extends CRUDKubernetesDependentResource<Secret, VettifyTenant>
        implements TenantDependent {

    public static final String ACCESS_KEY = "accessKey";
    public static final String SECRET_KEY = "secretKey";

    /** 30 bytes make 40 base64url characters: MinIO's longest generated secret key. */
    private static final int SECRET_KEY_BYTES = 30;

    public BucketCredentialsSecret() {
        super(Secret.class);
    }

    @Override
    public ConditionType condition() {
        return ConditionType.BucketReady;
    }

    @Override
    protected Secret desired(VettifyTenant tenant, Context<VettifyTenant> context) {
        return GeneratedSecret.of(tenant, TenantNames.bucketCredentialsSecret(tenant),
                        getSecondaryResource(tenant, context))
                .with(ACCESS_KEY, TenantNames.bucketUser(tenant))
                .withGenerated(SECRET_KEY, SECRET_KEY_BYTES)
                .build();
    }

    /** By name: the default would compute {@link #desired}, which reads this very resource. */
    @Override
    protected ResourceID targetSecondaryResourceID(VettifyTenant tenant, Context<VettifyTenant> context) {
        return new ResourceID(TenantNames.bucketCredentialsSecret(tenant), tenant.getMetadata().getNamespace());
    }
}
