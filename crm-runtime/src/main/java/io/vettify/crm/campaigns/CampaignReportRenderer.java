package io.vettify.crm.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vettify.crm.storage.ObjectStorage;
import io.vettify.crm.tenancy.TenantContext;
import io.vettify.crm.workers.WorkerJob;
import io.vettify.crm.workers.WorkerReplyHandler;
import io.vettify.crm.workers.Workers;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.jboss.logging.Logger;

/**
 * Stores the PDF that pdf.render answered in the tenant's bucket (SSE-C) and records it as the campaign's latest
 * report, in the transaction that settles the job. The job keeps the PDF's size, pages and digest, not its bytes.
 */
@ApplicationScoped
public class CampaignReportRenderer implements WorkerReplyHandler {

    private static final Logger LOG = Logger.getLogger(CampaignReportRenderer.class);
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final CampaignRepository campaigns;
    private final CampaignReportRepository reports;
    private final ObjectStorage storage;
    private final TenantContext tenant;

    public CampaignReportRenderer(CampaignRepository campaigns, CampaignReportRepository reports, ObjectStorage storage,
            TenantContext tenant) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.storage = storage;
        this.tenant = tenant;
    }

    @Override
    public String worker() {
        return Workers.PDF_RENDER;
    }

    @Override
    public void completed(WorkerJob job, JsonNode result) {
        if (!CampaignReportService.SUBJECT_TYPE.equals(job.subjectType)) {
            return;
        }
        Campaign campaign = campaigns.findById(job.subjectId);
        if (campaign == null) {
            LOG.infof("campaign %s was deleted before its report (job %s) arrived", job.subjectId, job.id);
            return;
        }
        byte[] pdf = Base64.getDecoder().decode(result.get("pdfBase64").asText());
        if (pdf.length != result.get("sizeBytes").asLong()
                || !Arrays.equals(Arrays.copyOf(pdf, PDF_MAGIC.length), PDF_MAGIC)) {
            throw new IllegalStateException("pdf.render answered job " + job.id + " with something that is not a PDF of "
                    + result.get("sizeBytes").asLong() + " bytes");
        }
        CampaignReport report = new CampaignReport();
        report.campaignId = campaign.id;
        report.whid = campaign.whid;
        report.jobId = job.id;
        report.sizeBytes = pdf.length;
        report.sha256 = sha256(pdf);
        report.objectKey = tenant.tenantId().orElseThrow() + "/campaigns/" + campaign.id + "/reports/" + job.id + ".pdf";
        storage.put(report.objectKey, new ByteArrayInputStream(pdf), pdf.length, "application/pdf");
        try {
            reports.persistAndFlush(report);
        } catch (RuntimeException e) {
            storage.delete(report.objectKey);
            throw e;
        }
        ObjectNode kept = result.deepCopy();
        kept.remove("pdfBase64");
        kept.put("sha256", report.sha256);
        kept.put("report", "/v1/crm/campaigns/" + campaign.id + "/report.pdf");
        job.result = kept.toString();
    }

    @Override
    public void failed(WorkerJob job) {
        LOG.warnf("the report of campaign %s was not rendered (job %s %s: %s)", job.subjectId, job.id, job.status,
                job.error);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
