package io.vettify.crm.campaigns;

import java.time.Instant;
import java.util.UUID;

/** Data of the campaign events (the JSON body of {@code crm.campaign.sent}). */
public final class CampaignEvents {

    private CampaignEvents() {
    }

    /** A send finished: every batch was answered (SENT) or at least one failed for good (FAILED). */
    public record Sent(UUID campaignId, CampaignStatus status, int recipients, int sent, int bounced, int failed,
            Instant finishedAt) {
    }
}
