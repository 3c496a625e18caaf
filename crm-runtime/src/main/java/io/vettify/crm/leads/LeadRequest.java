package io.vettify.crm.leads;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.vettify.crm.common.consent.ConsentSource;
import io.vettify.crm.common.validation.Cui;
import io.vettify.crm.common.validation.Patterns;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The writable fields of a lead; {@code version} is required on updates. {@code status} may be NEW, CONTACTED or
 * DISQUALIFIED here: QUALIFIED and CONVERTED are reached through {@code qualify} and {@code convert}.
 * {@code consentSource} says how a change of {@code marketingConsent} was made (API when absent); it is not patched
 * from the stored value, so a patch that withdraws consent is never credited to the way it was once given.
 */
@JsonIgnoreProperties({"id", "score", "convertedAccountId", "convertedContactId", "convertedOpportunityId",
        "convertedAt", "consentUpdatedAt", "createdAt", "updatedAt"})
public record LeadRequest(
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @NotBlank @Email @Size(max = 320) String email,
        @Size(max = 200) String company,
        @Cui String cui,
        LeadSource source,
        LeadStatus status,
        Boolean marketingConsent,
        ConsentSource consentSource,
        @Pattern(regexp = Patterns.WAREHOUSE, message = Patterns.WAREHOUSE_MESSAGE) String whid,
        Long version) {

    static LeadRequest of(Lead l) {
        return new LeadRequest(l.firstName, l.lastName, l.email, l.company, l.cui, l.source, l.status,
                l.marketingConsent, null, l.whid, l.version);
    }
}
