package io.vettify.operator.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vettify.operator.tenant.VettifyTenantReconciler;
import java.util.Map;
import java.util.UUID;

/**
 * Confines the operator under test to the tenants this test JVM creates: several test runs (and developers) share one
 * local cluster, and two operators must never reconcile the same tenant.
 */
public class OperatorInstance implements QuarkusTestResourceLifecycleManager {

    public static final String LABEL = "vettify.io/test-operator";
    public static final String ID = UUID.randomUUID().toString().substring(0, 13);

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.operator-sdk.controllers." + VettifyTenantReconciler.NAME + ".selector", LABEL + "=" + ID);
    }

    @Override
    public void stop() {
    }
}
