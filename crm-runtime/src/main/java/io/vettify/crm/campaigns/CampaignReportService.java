package io.vettify.crm.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.storage.ObjectStorage;
import io.vettify.crm.workers.WorkerClient;
import io.vettify.crm.workers.Workers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * B10: a campaign's PDF report. {@link #request} asks the pdf.render worker for it (a job, answered later);
 * {@link CampaignReportRenderer} stores the PDF it answers in the tenant's bucket with SSE-C; {@link #latest} streams
 * the newest one.
 */
@ApplicationScoped
public class CampaignReportService {

    public static final String SUBJECT_TYPE = "campaign";

    private final CampaignRepository campaigns;
    private final CampaignReportRepository reports;
    private final WorkerClient workers;
    private final ObjectStorage storage;
    private final ObjectMapper mapper;

    public CampaignReportService(CampaignRepository campaigns, CampaignReportRepository reports, WorkerClient workers,
            ObjectStorage storage, ObjectMapper mapper) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.workers = workers;
        this.storage = storage;
        this.mapper = mapper;
    }

    /** The job rendering the report; {@code GET /v1/crm/jobs/{jobId}} follows it. */
    public record Requested(UUID jobId, String job, String report) {
    }

    /** The latest report's PDF, to stream to the caller (who closes it). */
    public record Pdf(UUID campaignId, long size, InputStream content) {
    }

    @Transactional
    public Requested request(UUID campaignId) {
        Campaign campaign = find(campaignId);
        UUID jobId = workers.submit(Workers.PDF_RENDER, SUBJECT_TYPE, campaign.id, renderRequest(campaign));
        return new Requested(jobId, "/v1/crm/jobs/" + jobId, "/v1/crm/campaigns/" + campaign.id + "/report.pdf");
    }

    public Pdf latest(UUID campaignId) {
        CampaignReport report = QuarkusTransaction.requiringNew().call(() -> {
            Campaign campaign = find(campaignId);
            return reports.latestOf(campaign.id).orElseThrow(() -> ProblemException.notFound("report of campaign",
                    campaignId + " (none rendered yet: POST /v1/crm/campaigns/" + campaignId + "/report renders one)"));
        });
        return new Pdf(campaignId, report.sizeBytes, storage.get(report.objectKey));
    }

    /** Deletes the campaign's reports, objects (every version) and rows, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteAllOf(UUID campaignId) {
        for (CampaignReport report : reports.list("campaignId", campaignId)) {
            storage.delete(report.objectKey);
            reports.delete(report);
        }
    }

    private Campaign find(UUID id) {
        return campaigns.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("campaign", id));
    }

    /** The pdf.render request: the campaign, its metrics with rates, and its audience. */
    private JsonNode renderRequest(Campaign c) {
        ObjectNode request = mapper.createObjectNode();
        request.put("title", "Campaign report: " + c.name);
        request.put("subtitle", "Status " + c.status + " · generated " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        ArrayNode sections = request.putArray("sections");

        ObjectNode campaign = table(sections.addObject(), "Campaign", "field", "value");
        row(campaign, "name", c.name);
        row(campaign, "subject", c.subject);
        row(campaign, "status", c.status.name());
        row(campaign, "created", c.createdAt.toString());
        row(campaign, "last changed", c.updatedAt.toString());

        ObjectNode metrics = table(sections.addObject(), "Metrics", "metric", "count", "rate");
        metric(metrics, "recipients", c.recipients, null);
        metric(metrics, "sent", c.sent, rate(c.sent, c.recipients));
        metric(metrics, "delivered", c.delivered, rate(c.delivered, c.sent));
        metric(metrics, "bounced", c.bounced, rate(c.bounced, c.sent));
        metric(metrics, "opened", c.opened, rate(c.opened, c.delivered));
        metric(metrics, "clicked", c.clicked, rate(c.clicked, c.delivered));

        ObjectNode audience = sections.addObject().put("heading", "Audience");
        ArrayNode paragraphs = audience.putArray("paragraphs");
        paragraphs.add("Lead statuses: " + listOrAny(c.audience == null ? null : c.audience.statuses()));
        paragraphs.add("Lead sources: " + listOrAny(c.audience == null ? null : c.audience.sources()));
        paragraphs.add("Only recipients with marketing consent are ever sent to.");
        return request;
    }

    private static ObjectNode table(ObjectNode section, String heading, String... columns) {
        section.put("heading", heading);
        ObjectNode table = section.putObject("table");
        ArrayNode header = table.putArray("columns");
        for (String column : columns) {
            header.add(column);
        }
        table.putArray("rows");
        return table;
    }

    private static void row(ObjectNode table, String field, String value) {
        ((ArrayNode) table.get("rows")).addArray().add(field).add(value);
    }

    private static void metric(ObjectNode table, String metric, int count, String rate) {
        ((ArrayNode) table.get("rows")).addArray().add(metric).add(count).add(rate);
    }

    /** The share of {@code part} in {@code whole}, e.g. {@code 12.5 %}; null when there is no whole. */
    private static String rate(int part, int whole) {
        return whole == 0 ? null : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    private static String listOrAny(java.util.List<? extends Enum<?>> values) {
        return values == null || values.isEmpty() ? "any"
                : values.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
