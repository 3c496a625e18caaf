package io.vettify.crm.contacts;

import io.vettify.crm.common.consent.ConsentSource;
import java.time.Instant;
import java.util.UUID;

public record ContactView(
        UUID id,
        String firstName,
        String lastName,
        String email,
        String phone,
        String title,
        UUID accountId,
        boolean marketingConsent,
        ConsentSource consentSource,
        Instant consentUpdatedAt,
        String whid,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static ContactView of(Contact c) {
        return new ContactView(c.id, c.firstName, c.lastName, c.email, c.phone, c.title, c.accountId,
                c.marketingConsent, c.consentSource, c.consentUpdatedAt, c.whid, c.createdAt, c.updatedAt, c.version);
    }
}
