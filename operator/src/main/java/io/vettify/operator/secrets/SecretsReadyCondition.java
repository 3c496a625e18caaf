package io.vettify.operator.secrets;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.DetailedCondition;
import io.vettify.operator.tenant.Readiness;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec.SecretsMode;
import io.vettify.operator.thirdparty.externalsecrets.ExternalSecret;
import java.util.Map;
import java.util.Optional;

/** SecretsReady: every {@link TenantSecret} exists in the tenant's namespace with all its required keys. */
public class SecretsReadyCondition implements DetailedCondition<ExternalSecret, VettifyTenant, Readiness> {

    @Override
    public Result<Readiness> detailedIsMet(DependentResource<ExternalSecret, VettifyTenant> dependent,
            VettifyTenant tenant, Context<VettifyTenant> context) {
        var namespace = tenant.getMetadata().getNamespace();
        for (var tenantSecret : TenantSecret.values()) {
            var name = tenantSecret.secretName(tenant);
            var secret = context.getClient().secrets().inNamespace(namespace).withName(name).get();
            if (secret == null) {
                return missing(tenant, tenantSecret, context);
            }
            var absent = tenantSecret.requiredKeys().stream().filter(key -> !hasValue(secret, key)).toList();
            if (!absent.isEmpty()) {
                return Readiness.notReady("SecretIncomplete",
                        "Secret %s lacks the keys %s".formatted(name, String.join(", ", absent)));
            }
        }
        return Readiness.ready();
    }

    private static Result<Readiness> missing(VettifyTenant tenant, TenantSecret tenantSecret,
            Context<VettifyTenant> context) {
        var name = tenantSecret.secretName(tenant);
        if (tenant.getSpec().secrets.mode == SecretsMode.Provided) {
            return Readiness.notReady("SecretMissing",
                    "Secret %s not found (secrets.mode Provided: create it with the keys %s)"
                            .formatted(name, String.join(", ", tenantSecret.requiredKeys())));
        }
        var syncError = context.getSecondaryResourcesAsStream(ExternalSecret.class)
                .filter(externalSecret -> externalSecret.getMetadata().getName().equals(name))
                .findFirst()
                .flatMap(SecretsReadyCondition::notReadyMessage);
        return Readiness.notReady("ExternalSecretNotSynced", syncError
                .map(message -> "ExternalSecret %s (remote key %s): %s".formatted(name, tenantSecret.remoteKey(tenant),
                        message))
                .orElse("waiting for the External Secrets controller to sync Secret %s from remote key %s"
                        .formatted(name, tenantSecret.remoteKey(tenant))));
    }

    private static Optional<String> notReadyMessage(ExternalSecret externalSecret) {
        var status = externalSecret.getStatus();
        if (status == null || status.conditions() == null) {
            return Optional.empty();
        }
        return status.conditions().stream()
                .filter(condition -> "Ready".equals(condition.type()) && "False".equals(condition.status()))
                .map(condition -> condition.reason() + ": " + condition.message())
                .findFirst();
    }

    private static boolean hasValue(Secret secret, String key) {
        return hasKey(secret.getData(), key) || hasKey(secret.getStringData(), key);
    }

    private static boolean hasKey(Map<String, String> data, String key) {
        return data != null && data.get(key) != null && !data.get(key).isEmpty();
    }
}
