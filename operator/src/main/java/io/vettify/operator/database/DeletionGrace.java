package io.vettify.operator.database;

import io.vettify.operator.tenant.ProvisioningException;
import io.vettify.operator.tenant.TenantEvents;
import io.vettify.operator.tenant.VettifyTenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deleting a tenant must finish even when an external system is gone: a failed clean-up is retried for a grace
 * period after the deletion was requested, then reported as a Warning Event and released, leaving the leftover to a
 * human instead of blocking the namespace forever.
 */
@ApplicationScoped
public class DeletionGrace {

    private final Duration grace;
    private final TenantEvents events;
    private final Clock clock;

    public DeletionGrace(@ConfigProperty(name = "vettify.operator.deletion-grace", defaultValue = "PT2M") Duration grace,
            TenantEvents events, Clock clock) {
        this.grace = grace;
        this.events = events;
        this.clock = clock;
    }

    public void retryOrRelease(VettifyTenant tenant, String reason, String message, Exception cause) {
        var requested = Instant.parse(tenant.getMetadata().getDeletionTimestamp());
        if (Instant.now(clock).isBefore(requested.plus(grace))) {
            throw new ProvisioningException(reason, message + " (retrying)", cause);
        }
        events.warning(tenant, reason, message + "; released after " + grace.toSeconds()
                + " s of retries, clean it up by hand");
    }
}
