package io.vettify.operator.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vettify.platform.testing.LocalPlatformResource;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The local platform for the operator running in the test JVM, which reconciles only the tenants labelled with this
 * test run's id: the cluster and the machine are shared with other test runs (and with people), whose tenants are not
 * ours.
 */
public class OperatorTestRun implements QuarkusTestResourceLifecycleManager {

    /** The label every tenant of this run carries, and its value. */
    public static final String RUN_LABEL = "vettify.io/test-run";
    public static final String RUN_ID = "pv-" + UUID.randomUUID().toString().substring(0, 8);

    private final LocalPlatformResource platform = new LocalPlatformResource();

    @Override
    public Map<String, String> start() {
        var config = new HashMap<>(platform.start());
        config.put("quarkus.operator-sdk.controllers.vettifytenant.selector", RUN_LABEL + "=" + RUN_ID);
        // Any free port: other test JVMs on this machine hold the fixed test port 8081.
        config.put("quarkus.http.test-port", "0");
        return config;
    }

    @Override
    public void stop() {
        platform.stop();
    }
}
