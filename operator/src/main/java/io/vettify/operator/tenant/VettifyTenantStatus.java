package io.vettify.operator.tenant;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

public class VettifyTenantStatus {

    public Long observedGeneration;

    public TenantPhase phase;

    /** The Flyway version of the tenant's schema, once migrated. */
    public String schemaVersion;

    public List<Condition> conditions = new ArrayList<>();

    public RuntimeStatus runtime;

    /** The runtime block, mirrored from the tenant's Argo Rollouts {@code Rollout}. */
    public static class RuntimeStatus {
        public String stableVersion;
        public String canaryVersion;
        public Integer canaryWeight;
        public Integer currentStep;
        public String rolloutPhase;
        public String analysisRun;
        public String message;
    }
}
