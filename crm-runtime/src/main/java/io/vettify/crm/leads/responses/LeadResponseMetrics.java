package io.vettify.crm.leads.responses;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The lead-response SLI {@code vettify_lead_responses_total{tid, outcome}}: one increment per settled lead, counted
 * only once the settling transaction committed (a rolled-back settlement is settled again later, and counted then).
 * Response rate = responded / (responded + missed).
 */
@Startup
@ApplicationScoped
public class LeadResponseMetrics {

    private static final String NAME = "vettify.lead.responses";

    private final MeterRegistry registry;

    public LeadResponseMetrics(MeterRegistry registry,
            @ConfigProperty(name = "vettify.tenant.id") Optional<String> pinnedTenant) {
        this.registry = registry;
        // A series that appears with its first increment loses that increment in rate(): a tenant's own runtime shows
        // both outcomes from the start, at zero.
        pinnedTenant.ifPresent(tid -> {
            for (ResponseOutcome outcome : ResponseOutcome.values()) {
                counter(tid, outcome);
            }
        });
    }

    void onSettled(@Observes(during = TransactionPhase.AFTER_SUCCESS) LeadResponseSettled settled) {
        counter(settled.tid(), settled.outcome()).increment(settled.leads());
    }

    private Counter counter(String tid, ResponseOutcome outcome) {
        return Counter.builder(NAME).description("leads settled against their response SLA, by outcome")
                .tag("tid", tid).tag("outcome", outcome.tag()).register(registry);
    }
}
