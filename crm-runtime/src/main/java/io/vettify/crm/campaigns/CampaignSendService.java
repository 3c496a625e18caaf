package io.vettify.crm.campaigns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vettify.crm.audit.AuditActions;
import io.vettify.crm.audit.AuditTrail;
import io.vettify.crm.campaigns.AudienceResolver.Member;
import io.vettify.crm.common.Features;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.workers.WorkerClient;
import io.vettify.crm.workers.Workers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends a campaign once: claims it (DRAFT → SENDING, a conditional UPDATE, so of two concurrent sends exactly one
 * wins and the other gets 409), resolves its audience to recipients with marketing consent, records them and submits
 * one {@code email.send} job per batch of at most {@value #BATCH_SIZE}, all in one transaction: the jobs leave only
 * if the send commits. {@link CampaignDelivery} settles the batches as the worker answers.
 *
 * <p>With the flag {@code campaign_send_v2} the e-mails are personalised: {@code {{firstName}}} in the subject and
 * body becomes each recipient's first name. The email.send protocol carries one subject and body per request, so v2
 * packs recipients whose rendered e-mail is the same into a batch (still at most {@value #BATCH_SIZE}).
 */
@ApplicationScoped
@Transactional
public class CampaignSendService {

    static final int BATCH_SIZE = 100;
    static final String FIRST_NAME = "{{firstName}}";
    /** The placeholder as it reads in a saved body: the sanitizer defuses "{{" so no template engine sees it. */
    private static final String FIRST_NAME_IN_BODY = HtmlSanitizer.sanitize(FIRST_NAME);
    static final String BATCH_SUBJECT = "campaign_batch";

    private final CampaignRepository campaigns;
    private final AudienceResolver audience;
    private final WorkerClient workers;
    private final Features features;
    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final AuditTrail audit;

    CampaignSendService(CampaignRepository campaigns, AudienceResolver audience, WorkerClient workers,
            Features features, EntityManager entityManager, ObjectMapper mapper, AuditTrail audit) {
        this.audit = audit;
        this.campaigns = campaigns;
        this.audience = audience;
        this.workers = workers;
        this.features = features;
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    public CampaignView send(UUID id, SendRequest request) {
        if (request == null || !Boolean.TRUE.equals(request.confirm())) {
            throw ProblemException.invalid("confirm", "must be true: a sent campaign cannot be recalled");
        }
        claim(id);
        Campaign campaign = campaigns.findById(id);
        List<Member> members = audience.resolve(campaign.audience);
        if (members.isEmpty()) {
            throw ProblemException.invalid("audience",
                    "selects nobody with marketing consent and a valid e-mail address");
        }
        List<Batch> batches = features.campaignSendV2() ? personalised(campaign, members) : uniform(campaign, members);
        for (int i = 0; i < batches.size(); i++) {
            submit(campaign, i + 1, batches.get(i));
        }
        campaign.recipients = members.size();
        entityManager.flush();
        CampaignView sending = CampaignView.of(campaign);
        audit.record(AuditActions.CAMPAIGN_SENT, "campaign", id, Map.of("id", id, "status", CampaignStatus.DRAFT),
                sending);
        return sending;
    }

    /** DRAFT → SENDING for exactly one caller; a concurrent second caller waits for the row, then sees SENDING. */
    private void claim(UUID id) {
        int claimed = campaigns.update("status = ?1, version = version + 1, updatedAt = ?2 where id = ?3 and status = ?4",
                CampaignStatus.SENDING, Instant.now().truncatedTo(ChronoUnit.MICROS), id, CampaignStatus.DRAFT);
        if (claimed == 0) {
            Campaign current = campaigns.findByIdOptional(id)
                    .orElseThrow(() -> ProblemException.notFound("campaign", id));
            throw ProblemException.conflict("campaign " + id + " is " + current.status
                    + ": it was sent already (a campaign is sent once); its metrics are at /v1/crm/campaigns/" + id
                    + "/metrics");
        }
    }

    private record Batch(String subject, String bodyHtml, List<Member> members) {
    }

    private static List<Batch> uniform(Campaign campaign, List<Member> members) {
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < members.size(); from += BATCH_SIZE) {
            batches.add(new Batch(campaign.subject, campaign.bodyHtml,
                    members.subList(from, Math.min(members.size(), from + BATCH_SIZE))));
        }
        return batches;
    }

    private static List<Batch> personalised(Campaign campaign, List<Member> members) {
        Map<List<String>, List<Member>> byContent = new LinkedHashMap<>();
        for (Member member : members) {
            String name = member.firstName() == null ? "" : member.firstName().strip();
            List<String> content = List.of(
                    campaign.subject.replace(FIRST_NAME, name.replaceAll("[\\r\\n]", " ")),
                    campaign.bodyHtml.replace(FIRST_NAME_IN_BODY, escapeHtml(name)));
            byContent.computeIfAbsent(content, c -> new ArrayList<>()).add(member);
        }
        List<Batch> batches = new ArrayList<>();
        byContent.forEach((content, group) -> {
            for (int from = 0; from < group.size(); from += BATCH_SIZE) {
                batches.add(new Batch(content.get(0), content.get(1),
                        group.subList(from, Math.min(group.size(), from + BATCH_SIZE))));
            }
        });
        return batches;
    }

    private void submit(Campaign campaign, int batchNo, Batch batch) {
        ObjectNode request = mapper.createObjectNode()
                .put("campaignId", campaign.id.toString())
                .put("batch", batchNo)
                .put("subject", batch.subject())
                .put("bodyHtml", batch.bodyHtml());
        ArrayNode recipients = request.putArray("recipients");
        for (Member member : batch.members()) {
            CampaignRecipient recipient = new CampaignRecipient();
            recipient.campaignId = campaign.id;
            recipient.email = member.email();
            recipient.leadId = member.leadId();
            recipient.contactId = member.contactId();
            recipient.batchNo = batchNo;
            recipient.whid = campaign.whid;
            recipient.persist();
            recipients.addObject()
                    .put("email", recipient.email)
                    .put("name", displayName(member))
                    .put("recipientId", recipient.id.toString());
        }
        CampaignBatch row = new CampaignBatch();
        row.campaignId = campaign.id;
        row.batchNo = batchNo;
        row.size = batch.members().size();
        row.whid = campaign.whid;
        row.persist();
        row.jobId = workers.submit(Workers.EMAIL_SEND, BATCH_SUBJECT, row.id, request);
    }

    private static String displayName(Member member) {
        String name = String.join(" ", member.firstName() == null ? "" : member.firstName(),
                member.lastName() == null ? "" : member.lastName()).strip();
        return name.isEmpty() ? null : name.length() > 300 ? name.substring(0, 300) : name;
    }

    private static String escapeHtml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&#34;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
