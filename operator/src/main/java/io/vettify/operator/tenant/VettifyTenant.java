package io.vettify.operator.tenant;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One Vettify tenant: its database and schema, bucket, Redis, secrets and the canary of its CRM runtime. */
@Group("vettify.io")
@Version("v1alpha1")
@ShortNames("vt")
@AdditionalPrinterColumn(name = "Tenant", jsonPath = ".spec.tenantId", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Version", jsonPath = ".status.runtime.stableVersion", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Canary", jsonPath = ".status.runtime.canaryWeight", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class VettifyTenant extends CustomResource<VettifyTenantSpec, VettifyTenantStatus> implements Namespaced {

    @Override
    protected VettifyTenantStatus initStatus() {
        return new VettifyTenantStatus();
    }
}
