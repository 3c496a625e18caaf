package io.vettify.operator.tenant;

/** A dependent of the tenant's workflow, and the condition its state is reported under. */
public interface TenantDependent {

    ConditionType condition();
}
