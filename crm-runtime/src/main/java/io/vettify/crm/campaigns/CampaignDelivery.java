package io.vettify.crm.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.vettify.crm.messaging.DomainEvents;
import io.vettify.crm.messaging.EventTypes;
import io.vettify.crm.workers.WorkerJob;
import io.vettify.crm.workers.WorkerReplyHandler;
import io.vettify.crm.workers.Workers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Settles the batches of a send as {@code email.send} answers: each recipient becomes SENT, BOUNCED or FAILED and
 * the campaign's counters follow; once no batch is left SENDING the campaign becomes SENT (or FAILED when a batch
 * failed for good) and {@code crm.campaign.sent} is recorded.
 *
 * <p>Retries are the worker client's: a batch is one job, which it sends again with backoff while attempts are left;
 * a job that FAILED or TIMED_OUT after those has failed for good, and so has its batch. Handlers of one campaign take
 * its row lock first, so the last batch to settle sees every other one settled.
 */
@ApplicationScoped
public class CampaignDelivery implements WorkerReplyHandler {

    private static final Logger LOG = Logger.getLogger(CampaignDelivery.class);

    private final EntityManager entityManager;
    private final DomainEvents events;

    CampaignDelivery(EntityManager entityManager, DomainEvents events) {
        this.entityManager = entityManager;
        this.events = events;
    }

    @Override
    public String worker() {
        return Workers.EMAIL_SEND;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(WorkerJob job, JsonNode result) {
        CampaignBatch batch = openBatch(job);
        if (batch == null) {
            return;
        }
        Campaign campaign = lockCampaign(batch.campaignId);
        entityManager.refresh(batch);
        if (batch.status != CampaignBatch.Status.SENDING) {
            return;
        }
        Map<UUID, JsonNode> outcomes = new HashMap<>();
        for (JsonNode outcome : result.path("results")) {
            parseUuid(outcome.path("recipientId").asText(null)).ifPresent(id -> outcomes.put(id, outcome));
        }
        for (CampaignRecipient recipient : recipients(batch)) {
            JsonNode outcome = outcomes.get(recipient.id);
            String status = outcome == null ? "MISSING" : outcome.path("status").asText();
            switch (status) {
                case "SENT" -> {
                    recipient.status = RecipientStatus.SENT;
                    campaign.sent++;
                }
                case "BOUNCED" -> {
                    recipient.status = RecipientStatus.BOUNCED;
                    campaign.sent++;
                    campaign.bounced++;
                }
                default -> recipient.status = RecipientStatus.FAILED;
            }
            if (outcome != null) {
                recipient.providerMessageId = outcome.path("messageId").asText(null);
            }
        }
        batch.status = CampaignBatch.Status.DONE;
        finishIfSettled(campaign);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(WorkerJob job) {
        CampaignBatch batch = openBatch(job);
        if (batch == null) {
            return;
        }
        Campaign campaign = lockCampaign(batch.campaignId);
        entityManager.refresh(batch);
        if (batch.status != CampaignBatch.Status.SENDING) {
            return;
        }
        LOG.warnf("batch %d of campaign %s failed for good (job %s %s: %s)", batch.batchNo, campaign.id, job.id,
                job.status, job.error);
        recipients(batch).forEach(recipient -> recipient.status = RecipientStatus.FAILED);
        batch.status = CampaignBatch.Status.FAILED;
        finishIfSettled(campaign);
    }

    private CampaignBatch openBatch(WorkerJob job) {
        if (!CampaignSendService.BATCH_SUBJECT.equals(job.subjectType) || job.subjectId == null) {
            LOG.warnf("email.send job %s is not about a campaign batch (%s); nothing to settle", job.id,
                    job.subjectType);
            return null;
        }
        CampaignBatch batch = entityManager.find(CampaignBatch.class, job.subjectId);
        if (batch == null) {
            LOG.warnf("email.send job %s answers batch %s, which no longer exists", job.id, job.subjectId);
        }
        return batch;
    }

    private Campaign lockCampaign(UUID id) {
        return entityManager.find(Campaign.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    private List<CampaignRecipient> recipients(CampaignBatch batch) {
        return entityManager.createQuery("from CampaignRecipient r where r.campaignId = ?1 and r.batchNo = ?2 "
                + "and r.status = ?3", CampaignRecipient.class)
                .setParameter(1, batch.campaignId).setParameter(2, batch.batchNo)
                .setParameter(3, RecipientStatus.QUEUED).getResultList();
    }

    private void finishIfSettled(Campaign campaign) {
        entityManager.flush();
        List<CampaignBatch.Status> open = entityManager.createQuery("select b.status from CampaignBatch b "
                + "where b.campaignId = ?1 and b.status <> ?2", CampaignBatch.Status.class)
                .setParameter(1, campaign.id).setParameter(2, CampaignBatch.Status.DONE).getResultList();
        if (open.contains(CampaignBatch.Status.SENDING) || campaign.status != CampaignStatus.SENDING) {
            return;
        }
        campaign.status = open.isEmpty() ? CampaignStatus.SENT : CampaignStatus.FAILED;
        long failed = entityManager.createQuery("select count(r) from CampaignRecipient r where r.campaignId = ?1 "
                + "and r.status = ?2", Long.class)
                .setParameter(1, campaign.id).setParameter(2, RecipientStatus.FAILED).getSingleResult();
        events.record(EventTypes.CAMPAIGN_SENT, "campaign", campaign.id, campaign.whid,
                new CampaignEvents.Sent(campaign.id, campaign.status, campaign.recipients, campaign.sent,
                        campaign.bounced, (int) failed, Instant.now().truncatedTo(ChronoUnit.MICROS)));
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.ofNullable(text).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
