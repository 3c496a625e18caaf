package io.vettify.crm.contacts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.vettify.crm.common.consent.ConsentSource;
import io.vettify.crm.common.validation.Patterns;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The writable fields of a contact; {@code version} is required on updates. Read-only fields are ignored. */
@JsonIgnoreProperties({"id", "consentUpdatedAt", "createdAt", "updatedAt"})
public record ContactRequest(
        @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Email @Size(max = 320) String email,
        @Size(max = 40) @Pattern(regexp = Patterns.PHONE, message = Patterns.PHONE_MESSAGE) String phone,
        @Size(max = 150) String title,
        UUID accountId,
        Boolean marketingConsent,
        ConsentSource consentSource,
        @Pattern(regexp = Patterns.WAREHOUSE, message = Patterns.WAREHOUSE_MESSAGE) String whid,
        Long version) {

    static ContactRequest of(Contact c) {
        return new ContactRequest(c.firstName, c.lastName, c.email, c.phone, c.title, c.accountId, c.marketingConsent,
                null, c.whid, c.version);
    }
}
