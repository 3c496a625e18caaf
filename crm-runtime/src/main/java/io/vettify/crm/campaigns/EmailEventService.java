package io.vettify.crm.campaigns;

import io.vettify.crm.common.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Applies the e-mail provider's events to a recipient and its campaign's metrics. Each applies at most once per
 * recipient — delivered and bounced move its status forward only, opened and clicked set a time that is never set
 * again — so a repeated event (providers retry) changes nothing. The campaign's row lock orders concurrent events.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EmailEventService {

    /** What an event did. */
    public enum Outcome {
        APPLIED, UNCHANGED
    }

    private final EntityManager entityManager;

    EmailEventService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @throws ProblemException 404 when no recipient has this message id (yet: the provider may retry later) */
    public Outcome apply(EmailEvent event) {
        CampaignRecipient recipient = entityManager.createQuery(
                        "from CampaignRecipient r where r.providerMessageId = ?1", CampaignRecipient.class)
                .setParameter(1, event.messageId()).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("message", event.messageId()));
        Campaign campaign = entityManager.find(Campaign.class, recipient.campaignId, LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(recipient);
        Instant at = (event.occurredAt() == null ? Instant.now() : event.occurredAt()).truncatedTo(ChronoUnit.MICROS);
        boolean applied = switch (event.type()) {
            case DELIVERED -> {
                if (recipient.status != RecipientStatus.SENT) {
                    yield false;
                }
                recipient.status = RecipientStatus.DELIVERED;
                campaign.delivered++;
                yield true;
            }
            case BOUNCED -> {
                if (recipient.status == RecipientStatus.DELIVERED) {
                    campaign.delivered--;
                } else if (recipient.status != RecipientStatus.SENT) {
                    yield false;
                }
                recipient.status = RecipientStatus.BOUNCED;
                campaign.bounced++;
                yield true;
            }
            case OPENED -> {
                if (recipient.openedAt != null) {
                    yield false;
                }
                recipient.openedAt = at;
                campaign.opened++;
                yield true;
            }
            case CLICKED -> {
                if (recipient.clickedAt != null) {
                    yield false;
                }
                recipient.clickedAt = at;
                campaign.clicked++;
                yield true;
            }
        };
        return applied ? Outcome.APPLIED : Outcome.UNCHANGED;
    }
}
