package io.vettify.crm.campaigns;

import io.vettify.crm.common.CrmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A campaign's PDF report as pdf.render rendered it; the PDF is in the tenant's bucket under {@link #objectKey}. */
@Entity
@Table(schema = "crm", name = "campaign_reports")
public class CampaignReport extends CrmEntity {

    @Column(name = "campaign_id")
    public UUID campaignId;

    /** The pdf.render job that rendered it. */
    @Column(name = "job_id")
    public UUID jobId;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    @Column(name = "object_key")
    public String objectKey;
}
