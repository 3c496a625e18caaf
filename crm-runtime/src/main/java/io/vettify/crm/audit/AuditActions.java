package io.vettify.crm.audit;

/** The actions the audit trail records ({@code <subject>.<what happened>}). */
public final class AuditActions {

    public static final String LEAD_CONVERTED = "lead.converted";
    public static final String CONSENT_CHANGED = "consent.changed";
    /** A closed opportunity moved to another stage, which only {@code crm/admin} may do. */
    public static final String OPPORTUNITY_REOPENED = "opportunity.reopened";
    public static final String GDPR_EXPORTED = "gdpr.exported";
    public static final String GDPR_ERASED = "gdpr.erased";
    /** A campaign send was started (DRAFT → SENDING with its recipients): the user's decision to send. */
    public static final String CAMPAIGN_SENT = "campaign.sent";
    /** A CSV lead import was committed (its counts, as a digest). */
    public static final String LEADS_IMPORTED = "leads.imported";

    private AuditActions() {
    }
}
