package io.vettify.operator.tenant;

public enum TenantPhase {
    Pending, Provisioning, Ready, Progressing, Degraded, Deleting
}
