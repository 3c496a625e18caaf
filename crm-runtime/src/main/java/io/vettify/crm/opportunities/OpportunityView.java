package io.vettify.crm.opportunities;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record OpportunityView(
        UUID id,
        String name,
        UUID accountId,
        UUID contactId,
        BigDecimal amount,
        String currency,
        Stage stage,
        LocalDate expectedCloseDate,
        Instant closedAt,
        String whid,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static OpportunityView of(Opportunity o) {
        return new OpportunityView(o.id, o.name, o.accountId, o.contactId, o.amount, o.currency, o.stage,
                o.expectedCloseDate, o.closedAt, o.whid, o.createdAt, o.updatedAt, o.version);
    }
}
