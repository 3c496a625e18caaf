package io.vettify.operator.tenant;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventSourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/** Kubernetes Events about a tenant ({@code kubectl describe vt} and {@code kubectl get events} show them). */
@ApplicationScoped
public class TenantEvents {

    static final String COMPONENT = "vettify-operator";
    private static final Logger LOG = Logger.getLogger(TenantEvents.class);
    private static final int MAX_MESSAGE = 1024;

    private final KubernetesClient client;
    private final Clock clock;

    public TenantEvents(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public void normal(VettifyTenant tenant, String reason, String message) {
        record(tenant, "Normal", reason, message);
    }

    public void warning(VettifyTenant tenant, String reason, String message) {
        record(tenant, "Warning", reason, message);
    }

    private void record(VettifyTenant tenant, String type, String reason, String message) {
        var metadata = tenant.getMetadata();
        var now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        var event = new EventBuilder()
                .withNewMetadata().withGenerateName(metadata.getName() + ".").withNamespace(metadata.getNamespace())
                .endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder()
                        .withApiVersion(tenant.getApiVersion()).withKind(tenant.getKind())
                        .withName(metadata.getName()).withNamespace(metadata.getNamespace()).withUid(metadata.getUid())
                        .build())
                .withType(type)
                .withReason(reason)
                .withMessage(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message)
                .withSource(new EventSourceBuilder().withComponent(COMPONENT).build())
                .withReportingComponent(COMPONENT)
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .build();
        try {
            client.v1().events().inNamespace(metadata.getNamespace()).resource(event).create();
        } catch (KubernetesClientException e) {
            LOG.warnf("could not record event %s for %s/%s: %s", reason, metadata.getNamespace(), metadata.getName(),
                    e.getMessage());
        }
    }
}
