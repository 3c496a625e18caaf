package io.vettify.operator.runtime;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The labels of the tenant's runtime objects, and the selector of its pods (stable across versions). */
public final class RuntimeLabels {

    public static final String TENANT = "vettify.io/tenant";
    public static final String VERSION = "app.kubernetes.io/version";
    /** Which pods a runtime Service selects: {@code all}, {@code stable} or {@code canary}. */
    public static final String SERVICE_ROLE = "vettify.io/runtime-service";
    /** Added by Argo Rollouts to the pods, ReplicaSets and the stable/canary Services' selectors. */
    public static final String POD_TEMPLATE_HASH = "rollouts-pod-template-hash";

    /** The runtime dependents' informers cache only these objects. */
    public static final String INFORMER_SELECTOR =
            "app.kubernetes.io/component=runtime,app.kubernetes.io/managed-by=vettify-operator";

    static final String NAME = "app.kubernetes.io/name";
    static final String INSTANCE = "app.kubernetes.io/instance";
    static final String COMPONENT = "app.kubernetes.io/component";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String APP_NAME = "vettify-crm-runtime";

    private RuntimeLabels() {
    }

    /** The labels every runtime pod has whatever its version: the Rollout's and the Services' selector. */
    public static Map<String, String> selector(VettifyTenant tenant) {
        var labels = new LinkedHashMap<String, String>();
        labels.put(NAME, APP_NAME);
        labels.put(INSTANCE, TenantNames.prefix(tenant));
        labels.put(TENANT, TenantNames.tenantId(tenant));
        return labels;
    }

    public static LabelSelector podSelector(VettifyTenant tenant) {
        return new LabelSelectorBuilder().withMatchLabels(selector(tenant)).build();
    }

    /** The labels of the runtime's objects: the selector's, plus component and manager. */
    public static Map<String, String> common(VettifyTenant tenant) {
        var labels = new LinkedHashMap<>(selector(tenant));
        labels.put(COMPONENT, "runtime");
        labels.put(MANAGED_BY, "vettify-operator");
        return labels;
    }

    /** Metadata for a runtime object named {@code name} in the tenant's namespace, with the common labels. */
    static ObjectMeta metadata(VettifyTenant tenant, String name, Map<String, String> extraLabels) {
        var labels = common(tenant);
        labels.putAll(extraLabels);
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(tenant.getMetadata().getNamespace())
                .withLabels(labels)
                .build();
    }

    static ObjectMeta metadata(VettifyTenant tenant, String name) {
        return metadata(tenant, name, Map.of());
    }
}
