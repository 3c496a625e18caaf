package io.vettify.operator.tenant;

import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.Comparator;
import java.util.List;

/**
 * What the CRD generator's annotations cannot say (used at build time, quarkus.operator-sdk.crd.post-processor): a
 * pattern on each item of {@code spec.warehouses} (a CEL rule over the items would exceed the API server's cost
 * budget), and the printer columns in the order {@code kubectl get vt} should show them.
 */
public class CrdRefinements implements CRDPostProcessor {

    static final String WAREHOUSE_PATTERN = "^[a-z][a-z0-9-]{0,39}$";
    private static final List<String> COLUMN_ORDER = List.of("Tenant", "Phase", "Version", "Canary", "Ready", "Age");

    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
        if (crd instanceof CustomResourceDefinition definition
                && definition.getSpec().getNames().getKind().equals("VettifyTenant")) {
            for (var version : definition.getSpec().getVersions()) {
                var spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
                JSONSchemaProps items = spec.getProperties().get("warehouses").getItems().getSchema();
                items.setPattern(WAREHOUSE_PATTERN);
                items.setMaxLength(40L);
                version.getAdditionalPrinterColumns().sort(Comparator.comparingInt(
                        (CustomResourceColumnDefinition column) -> COLUMN_ORDER.indexOf(column.getName())));
            }
        }
        return crd;
    }
}
