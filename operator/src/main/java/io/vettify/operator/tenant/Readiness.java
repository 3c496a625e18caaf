package io.vettify.operator.tenant;

import io.javaoperatorsdk.operator.processing.dependent.workflow.DetailedCondition;

/** Why a dependent is not ready yet: the detail of its readiness condition, shown on the tenant's condition. */
public record Readiness(String reason, String message) {

    public static DetailedCondition.Result<Readiness> ready() {
        return DetailedCondition.Result.withResult(true, new Readiness("Ready", ""));
    }

    public static DetailedCondition.Result<Readiness> notReady(String reason, String message) {
        return DetailedCondition.Result.withResult(false, new Readiness(reason, message));
    }
}
