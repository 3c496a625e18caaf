package io.vettify.operator.secrets;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.vettify.operator.tenant.ConditionType;
import io.vettify.operator.tenant.TenantDependent;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec.SecretsMode;
import io.vettify.operator.thirdparty.externalsecrets.ExternalSecret;
import io.vettify.operator.thirdparty.externalsecrets.ExternalSecretSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A5: in {@code ExternalSecrets} mode, one {@code ExternalSecret} per {@link TenantSecret}, each pulling a JSON object
 * from the tenant's store into the Secret of that name. In {@code Provided} mode there are none: the Secrets are
 * created by hand, and {@link SecretsReadyCondition} waits for them either way.
 */
public class TenantExternalSecrets extends CRUDKubernetesDependentResource<ExternalSecret, VettifyTenant>
        implements BulkDependentResource<ExternalSecret, VettifyTenant, String>, TenantDependent {

    static final String REFRESH_INTERVAL = "1m";

    public TenantExternalSecrets() {
        super(ExternalSecret.class);
    }

    @Override
    public ConditionType condition() {
        return ConditionType.SecretsReady;
    }

    @Override
    public Map<String, ExternalSecret> desiredResources(VettifyTenant tenant, Context<VettifyTenant> context) {
        if (tenant.getSpec().secrets.mode != SecretsMode.ExternalSecrets) {
            return Map.of();
        }
        return Arrays.stream(TenantSecret.values())
                .map(secret -> externalSecret(tenant, secret))
                .collect(Collectors.toMap(externalSecret -> externalSecret.getMetadata().getName(), Function.identity()));
    }

    @Override
    public Map<String, ExternalSecret> getSecondaryResources(VettifyTenant tenant, Context<VettifyTenant> context) {
        return context.getSecondaryResourcesAsStream(ExternalSecret.class)
                .filter(externalSecret -> externalSecret.getMetadata().getNamespace()
                        .equals(tenant.getMetadata().getNamespace()))
                .collect(Collectors.toMap(externalSecret -> externalSecret.getMetadata().getName(), Function.identity()));
    }

    @Override
    public void deleteTargetResource(VettifyTenant tenant, ExternalSecret externalSecret, String name,
            Context<VettifyTenant> context) {
        context.getClient().resource(externalSecret).delete();
    }

    private static ExternalSecret externalSecret(VettifyTenant tenant, TenantSecret secret) {
        var store = tenant.getSpec().secrets.storeRef;
        var name = secret.secretName(tenant);
        var externalSecret = new ExternalSecret();
        externalSecret.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(tenant.getMetadata().getNamespace())
                .withLabels(Map.of("app.kubernetes.io/managed-by", "vettify-operator",
                        "vettify.io/tenant", tenant.getSpec().tenantId))
                .build());
        externalSecret.setSpec(new ExternalSecretSpec(REFRESH_INTERVAL,
                new ExternalSecretSpec.StoreRef(store.kind.name(), store.name),
                new ExternalSecretSpec.Target(name, "Owner"),
                List.of(new ExternalSecretSpec.DataFrom(new ExternalSecretSpec.Extract(secret.remoteKey(tenant))))));
        return externalSecret;
    }
}
