package io.vettify.crm.gdpr;

import io.vettify.crm.accounts.AccountView;
import io.vettify.crm.attachments.AttachmentView;
import io.vettify.crm.contacts.ContactView;
import io.vettify.crm.leads.LeadView;
import io.vettify.crm.opportunities.OpportunityView;
import io.vettify.crm.timeline.TimelineView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every row the tenant holds about one person, as the caller may see it: the leads and contacts with the person's
 * email, the opportunities and timeline entries that refer to them, accounts named after them, the attachments
 * (metadata) of those contacts and accounts, the campaign recipient rows with their email or of their leads and
 * contacts, the worker jobs about them and the audit entries about them (digests only).
 */
public record PersonRows(
        List<LeadView> leads,
        List<ContactView> contacts,
        List<OpportunityView> opportunities,
        List<AccountView> accounts,
        List<TimelineView> timeline,
        List<AttachmentView> attachments,
        List<CampaignRecipientRow> campaignRecipients,
        List<Map<String, Object>> workerJobs,
        List<AuditMention> auditEntries) {

    /** The person as a recipient of a campaign send. */
    public record CampaignRecipientRow(UUID id, UUID campaignId, String email, UUID leadId, UUID contactId,
            String status, Instant openedAt, Instant clickedAt, Instant createdAt) {
    }

    /** An audit entry about one of the person's rows. */
    public record AuditMention(long seq, Instant occurredAt, String action, String subjectType, UUID subjectId) {
    }

    public int count() {
        return leads.size() + contacts.size() + opportunities.size() + accounts.size() + timeline.size()
                + attachments.size() + campaignRecipients.size() + workerJobs.size();
    }
}
