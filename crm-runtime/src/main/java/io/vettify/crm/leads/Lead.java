package io.vettify.crm.leads;

import io.vettify.crm.common.CrmEntity;
import io.vettify.crm.common.consent.ConsentSource;
import io.vettify.crm.common.consent.MarketingConsent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(schema = "crm", name = "leads")
public class Lead extends CrmEntity {

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String email;

    public String company;

    /** Canonical fiscal code: digits only, without the {@code RO} prefix. */
    public String cui;

    @Enumerated(EnumType.STRING)
    public LeadSource source = LeadSource.OTHER;

    @Enumerated(EnumType.STRING)
    public LeadStatus status = LeadStatus.NEW;

    public int score;

    @Column(name = "converted_account_id")
    public UUID convertedAccountId;

    @Column(name = "converted_contact_id")
    public UUID convertedContactId;

    @Column(name = "converted_opportunity_id")
    public UUID convertedOpportunityId;

    @Column(name = "converted_at")
    public Instant convertedAt;

    @Column(name = "marketing_consent")
    public boolean marketingConsent;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_source")
    public ConsentSource consentSource;

    @Column(name = "consent_updated_at")
    public Instant consentUpdatedAt;

    public MarketingConsent consent() {
        return new MarketingConsent(marketingConsent, consentSource, consentUpdatedAt);
    }

    public void consent(MarketingConsent consent) {
        marketingConsent = consent.granted();
        consentSource = consent.source();
        consentUpdatedAt = consent.updatedAt();
    }

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? email : name;
    }
}
