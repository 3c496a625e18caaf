package io.vettify.crm.campaigns;

import java.time.Instant;
import java.util.UUID;

public record CampaignView(
        UUID id,
        String name,
        String subject,
        String bodyHtml,
        Audience audience,
        CampaignStatus status,
        Metrics metrics,
        String whid,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public record Metrics(int recipients, int sent, int delivered, int bounced, int opened, int clicked) {

        static Metrics of(Campaign c) {
            return new Metrics(c.recipients, c.sent, c.delivered, c.bounced, c.opened, c.clicked);
        }
    }

    static CampaignView of(Campaign c) {
        return new CampaignView(c.id, c.name, c.subject, c.bodyHtml, c.audience, c.status, Metrics.of(c), c.whid,
                c.createdAt, c.updatedAt, c.version);
    }
}
