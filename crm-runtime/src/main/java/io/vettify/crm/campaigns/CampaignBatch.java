package io.vettify.crm.campaigns;

import io.vettify.crm.common.CrmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** Up to {@value CampaignSendService#BATCH_SIZE} recipients sent by one email.send job. */
@Entity
@Table(schema = "crm", name = "campaign_batches")
public class CampaignBatch extends CrmEntity {

    public enum Status {
        SENDING, DONE, FAILED
    }

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "batch_no")
    public int batchNo;

    public int size;

    @Enumerated(EnumType.STRING)
    public Status status = Status.SENDING;

    @Column(name = "job_id")
    public UUID jobId;
}
