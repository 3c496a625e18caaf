package io.vettify.crm.leads;

import io.vettify.crm.common.consent.ConsentSource;
import java.time.Instant;
import java.util.UUID;

public record LeadView(
        UUID id,
        String firstName,
        String lastName,
        String email,
        String company,
        String cui,
        LeadSource source,
        LeadStatus status,
        int score,
        UUID convertedAccountId,
        UUID convertedContactId,
        UUID convertedOpportunityId,
        Instant convertedAt,
        boolean marketingConsent,
        ConsentSource consentSource,
        Instant consentUpdatedAt,
        String whid,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static LeadView of(Lead l) {
        return new LeadView(l.id, l.firstName, l.lastName, l.email, l.company, l.cui, l.source, l.status, l.score,
                l.convertedAccountId, l.convertedContactId, l.convertedOpportunityId, l.convertedAt, l.marketingConsent, l.consentSource,
                l.consentUpdatedAt, l.whid,
                l.createdAt, l.updatedAt, l.version);
    }
}
