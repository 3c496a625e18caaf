package io.vettify.crm.campaigns;

import io.vettify.crm.common.CrmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One person a campaign was sent to (resolved from the audience when it was sent), and how it went. */
@Entity
@Table(schema = "crm", name = "campaign_recipients")
public class CampaignRecipient extends CrmEntity {

    @Column(name = "campaign_id")
    public UUID campaignId;

    public String email;

    @Column(name = "lead_id")
    public UUID leadId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "batch_no")
    public int batchNo;

    @Enumerated(EnumType.STRING)
    public RecipientStatus status = RecipientStatus.QUEUED;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "clicked_at")
    public Instant clickedAt;
}
