package io.vettify.operator.database;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.vettify.operator.tenant.ConditionType;
import io.vettify.operator.tenant.TenantDependent;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The passwords of the tenant's two database roles, generated once and kept in a Secret the tenant owns, so every
 * reconciliation (and every operator replica) sets the same ones. Created, never updated: rotating a password is
 * deleting this Secret (a new one is generated and set on the roles at the next reconciliation).
 */
public class DatabaseRolesSecret extends KubernetesDependentResource<Secret, VettifyTenant>
        implements Creator<Secret, VettifyTenant>, GarbageCollected<VettifyTenant>, TenantDependent {

    public static final String OWNER_PASSWORD = "ownerPassword";
    public static final String RUNTIME_PASSWORD = "runtimePassword";

    private static final SecureRandom RANDOM = new SecureRandom();

    public DatabaseRolesSecret() {
        super(Secret.class);
    }

    @Override
    public ConditionType condition() {
        return ConditionType.DatabaseReady;
    }

    @Override
    protected Secret desired(VettifyTenant tenant, Context<VettifyTenant> context) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName(TenantNames.databaseRolesSecret(tenant))
                .withNamespace(tenant.getMetadata().getNamespace())
                .addToLabels("app.kubernetes.io/managed-by", "vettify-operator")
                .addToLabels("vettify.io/tenant", tenant.getSpec().tenantId)
                .endMetadata()
                .withType("Opaque")
                .addToData(OWNER_PASSWORD, newPassword())
                .addToData(RUNTIME_PASSWORD, newPassword())
                .build();
    }

    /** 32 random bytes, base64url: the value stored base64-encoded again, as Secret data is. */
    private static String newPassword() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
    }
}
