package io.vettify.crm.contacts;

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
@Table(schema = "crm", name = "contacts")
public class Contact extends CrmEntity {

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String email;

    public String phone;

    public String title;

    @Column(name = "account_id")
    public UUID accountId;

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
}
