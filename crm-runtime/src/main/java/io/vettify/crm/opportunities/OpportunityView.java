package io.vettify.crm.opportunities;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
        long version,
        List<Order> salesOrders) {

    /** An order of the sales module linked to this opportunity. */
    public record Order(UUID orderId, String orderNumber, BigDecimal amount, String currency, Instant orderedAt) {
    }

    public static OpportunityView of(Opportunity o, List<SalesOrder> orders) {
        return new OpportunityView(o.id, o.name, o.accountId, o.contactId, o.amount, o.currency, o.stage,
                o.expectedCloseDate, o.closedAt, o.whid, o.createdAt, o.updatedAt, o.version,
                orders.stream().map(s -> new Order(s.id, s.orderNumber, s.amount, s.currency, s.orderedAt)).toList());
    }
}
