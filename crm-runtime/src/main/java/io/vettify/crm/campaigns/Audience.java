package io.vettify.crm.campaigns;

import io.vettify.crm.leads.LeadSource;
import io.vettify.crm.leads.LeadStatus;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Who a campaign goes to: leads with one of these statuses and sources (an empty list means any) and, with
 * {@code includeContacts}, every contact too. Only people with marketing consent and an e-mail address are ever sent
 * to; that is not a choice of the audience.
 */
public record Audience(
        @Size(max = 5) List<LeadStatus> statuses,
        @Size(max = 6) List<LeadSource> sources,
        Boolean includeContacts) {

    public Audience {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        sources = sources == null ? List.of() : List.copyOf(sources);
        includeContacts = Boolean.TRUE.equals(includeContacts);
    }
}
