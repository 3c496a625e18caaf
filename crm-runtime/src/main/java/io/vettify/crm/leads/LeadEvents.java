package io.vettify.crm.leads;

import java.time.Instant;
import java.util.UUID;

/** Data of the lead events (the JSON body of {@code crm.lead.created} and {@code crm.lead.converted}). */
public final class LeadEvents {

    private LeadEvents() {
    }

    public record Created(UUID leadId, LeadSource source, LeadStatus status, int score, String company, String cui,
            Instant createdAt) {

        static Created of(Lead lead) {
            return new Created(lead.id, lead.source, lead.status, lead.score, lead.company, lead.cui, lead.createdAt);
        }
    }

    public record Converted(UUID leadId, UUID accountId, UUID contactId, UUID opportunityId, Instant convertedAt) {

        static Converted of(Lead lead) {
            return new Converted(lead.id, lead.convertedAccountId, lead.convertedContactId,
                    lead.convertedOpportunityId, lead.convertedAt);
        }
    }
}
