package io.vettify.crm.leads.imports;

import io.vettify.crm.common.consent.ConsentSource;
import io.vettify.crm.leads.Lead;
import io.vettify.crm.leads.LeadSource;
import io.vettify.crm.leads.LeadStatus;

/** A row of the file as the lead it would become, shown by a preview. */
public record PreviewRow(long line, String firstName, String lastName, String email, String company, String cui,
        LeadSource source, LeadStatus status, boolean marketingConsent, ConsentSource consentSource, String whid,
        int score) {

    static PreviewRow of(long line, Lead lead) {
        return new PreviewRow(line, lead.firstName, lead.lastName, lead.email, lead.company, lead.cui, lead.source,
                lead.status, lead.marketingConsent, lead.consentSource, lead.whid, lead.score);
    }
}
