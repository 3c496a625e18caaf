package io.vettify.operator.runtime;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import io.vettify.operator.database.DatabaseRolesSecret;
import io.vettify.operator.database.DatabaseServer;
import io.vettify.operator.redis.RedisUrl;
import io.vettify.operator.secrets.GeneratedSecret;
import io.vettify.operator.secrets.SecretValues;
import io.vettify.operator.secrets.TenantSecret;
import io.vettify.operator.storage.BucketCredentialsSecret;
import io.vettify.operator.storage.ObjectStore;
import io.vettify.operator.tenant.ConditionType;
import io.vettify.operator.tenant.TenantDependent;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec.RedisMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Everything the CRM runtime needs to connect, and nothing more, in a Secret the tenant owns whose keys are the
 * runtime's environment variables ({@code envFrom}): the runtime role's JDBC URL, user and password, the tenant and its
 * warehouses, the bucket and the runtime's object-store credentials (and the CA to trust, when the object-store admin
 * Secret has one), the SSE-C and webhook signing keys, the audit signing key when given, the Redis URL.
 * Rewritten whenever one of its inputs changes, e.g. a rotated key or password.
 */
public class RuntimeSecret extends CRUDKubernetesDependentResource<Secret, VettifyTenant> implements TenantDependent {

    /** The primary cache's index from {@code <namespace>/<Secret name>} to the tenants that read that Secret. */
    private static final String INPUT_SECRETS = "vettify-runtime-secret-inputs";
    /** An optional key of the runtime keys Secret: the PEM (PKCS#8, ECDSA P-256) that signs audit exports. */
    static final String AUDIT_SIGNING_KEY = "auditSigningKey";

    public RuntimeSecret() {
        super(Secret.class);
    }

    @Override
    public ConditionType condition() {
        return ConditionType.RuntimeAvailable;
    }

    @Override
    protected Secret desired(VettifyTenant tenant, Context<VettifyTenant> context) {
        var client = context.getClient();
        var namespace = tenant.getMetadata().getNamespace();
        var database = DatabaseServer.of(tenant, client);
        var roles = SecretValues.read(client, namespace, TenantNames.databaseRolesSecret(tenant));
        var bucket = SecretValues.read(client, namespace, TenantNames.bucketCredentialsSecret(tenant));
        var objectStoreAdmin = SecretValues.read(client, namespace, TenantSecret.OBJECT_STORAGE_ADMIN.secretName(tenant));
        var keys = SecretValues.read(client, namespace, TenantSecret.RUNTIME_KEYS.secretName(tenant));
        var secret = GeneratedSecret.of(tenant, TenantNames.runtimeSecret(tenant), Optional.empty())
                .with("VETTIFY_DB_URL", database.jdbcUrl(TenantNames.databaseName(tenant))
                        + "?sslmode=" + database.sslMode())
                .with("VETTIFY_DB_USER", TenantNames.runtimeRole(tenant))
                .with("VETTIFY_DB_PASSWORD", roles.required(DatabaseRolesSecret.RUNTIME_PASSWORD))
                .with("VETTIFY_TENANT_ID", TenantNames.tenantId(tenant))
                .with("VETTIFY_WAREHOUSES", String.join(",", tenant.getSpec().warehouses))
                .with("VETTIFY_S3_ENDPOINT", tenant.getSpec().objectStorage.endpoint)
                .with("VETTIFY_S3_BUCKET", TenantNames.bucket(tenant))
                .with("VETTIFY_S3_ACCESS_KEY", bucket.required(BucketCredentialsSecret.ACCESS_KEY))
                .with("VETTIFY_S3_SECRET_KEY", bucket.required(BucketCredentialsSecret.SECRET_KEY))
                .with("VETTIFY_SSE_CUSTOMER_KEY", keys.required("sseCustomerKey"))
                .with("VETTIFY_WEBHOOK_SIGNING_KEY", keys.required("webhookSigningKey"))
                .with("VETTIFY_REDIS_URL", RedisUrl.of(tenant, client));
        // Optional inputs: the CA the object store's certificate is signed by, and the key that signs audit exports.
        var caCert = objectStoreAdmin.optional(ObjectStore.CA_CERT, null);
        if (caCert != null) {
            secret.with("VETTIFY_S3_CA_CERT", caCert);
        }
        var auditKey = keys.optional(AUDIT_SIGNING_KEY, null);
        if (auditKey != null) {
            secret.with("VETTIFY_AUDIT_SIGNING_KEY", auditKey);
        }
        return secret.build();
    }

    /** By name: the default would compute {@link #desired}, reading every input Secret just to find this one. */
    @Override
    protected ResourceID targetSecondaryResourceID(VettifyTenant tenant, Context<VettifyTenant> context) {
        return new ResourceID(TenantNames.runtimeSecret(tenant), tenant.getMetadata().getNamespace());
    }

    @Override
    protected InformerEventSource<Secret, VettifyTenant> createEventSource(EventSourceContext<VettifyTenant> context) {
        context.getPrimaryCache().addIndexer(INPUT_SECRETS, tenant -> inputSecrets(tenant).stream()
                .map(name -> tenant.getMetadata().getNamespace() + "/" + name).toList());
        return super.createEventSource(context);
    }

    /**
     * The tenant's own Secrets map to it by owner reference; the Secrets it only reads (the database admin Secret and
     * the runtime keys, synced by External Secrets or made by hand, and an External Redis URL) through the index of
     * {@link #createEventSource}, so that their change rewrites this Secret too.
     */
    @Override
    protected Optional<SecondaryToPrimaryMapper<Secret>> getSecondaryToPrimaryMapper(
            EventSourceContext<VettifyTenant> context) {
        SecondaryToPrimaryMapper<Secret> owners = Mappers.fromOwnerReferences(VettifyTenant.class);
        return Optional.of(secret -> {
            var tenants = new HashSet<>(owners.toPrimaryResourceIDs(secret));
            context.getPrimaryCache().byIndex(INPUT_SECRETS,
                            secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName())
                    .forEach(tenant -> tenants.add(ResourceID.fromResource(tenant)));
            return tenants;
        });
    }

    private static List<String> inputSecrets(VettifyTenant tenant) {
        var names = new ArrayList<>(List.of(TenantSecret.DATABASE_ADMIN.secretName(tenant),
                TenantSecret.OBJECT_STORAGE_ADMIN.secretName(tenant), TenantSecret.RUNTIME_KEYS.secretName(tenant)));
        if (tenant.getSpec().redis.mode == RedisMode.External) {
            names.add(tenant.getSpec().redis.urlSecretRef.name);
        }
        return names;
    }
}
