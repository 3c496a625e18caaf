package io.vettify.crm.opportunities;

import io.vettify.crm.accounts.Account;
import io.vettify.crm.accounts.AccountRepository;
import io.vettify.crm.common.validation.FiscalCodes;
import io.vettify.crm.messaging.UnprocessableEventException;
import io.vettify.crm.timeline.TimelineKind;
import io.vettify.crm.timeline.TimelineService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Orders and deliveries reported by the sales and warehouse modules. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SalesOrders {

    /** Data of {@code sales.order.created}. */
    public record OrderCreated(UUID orderId, String orderNumber, UUID opportunityId, String accountCui,
            BigDecimal amount, String currency, Instant orderedAt) {
    }

    /** Data of {@code wms.shipment.delivered}. */
    public record ShipmentDelivered(UUID shipmentId, UUID orderId, Instant deliveredAt, String carrier,
            String trackingNumber) {
    }

    private final SalesOrderRepository orders;
    private final OpportunityRepository opportunities;
    private final AccountRepository accounts;
    private final TimelineService timeline;

    public SalesOrders(SalesOrderRepository orders, OpportunityRepository opportunities, AccountRepository accounts,
            TimelineService timeline) {
        this.orders = orders;
        this.opportunities = opportunities;
        this.accounts = accounts;
        this.timeline = timeline;
    }

    /** Links the order to its opportunity (by id), else to the account with its fiscal code. */
    public void orderCreated(UUID eventId, String whid, OrderCreated order) {
        SalesOrder linked = new SalesOrder();
        linked.id = order.orderId();
        if (order.opportunityId() != null) {
            Opportunity opportunity = opportunities.findByIdOptional(order.opportunityId())
                    .orElseThrow(() -> new UnprocessableEventException("no opportunity " + order.opportunityId()));
            linked.opportunityId = opportunity.id;
            linked.accountId = opportunity.accountId;
        } else {
            String cui = FiscalCodes.normalize(order.accountCui());
            Account account = (cui == null ? java.util.Optional.<Account>empty() : accounts.findByCui(cui))
                    .orElseThrow(() -> new UnprocessableEventException("no account with fiscal code " + order.accountCui()));
            linked.accountId = account.id;
        }
        linked.whid = whid;
        linked.orderNumber = order.orderNumber();
        linked.amount = order.amount();
        linked.currency = order.currency();
        linked.orderedAt = order.orderedAt();
        orders.persist(linked);
        Map<String, Object> data = new HashMap<>();
        data.put("orderId", order.orderId());
        data.put("orderNumber", order.orderNumber());
        data.put("opportunityId", linked.opportunityId);
        data.put("amount", order.amount());
        data.put("currency", order.currency());
        timeline.record(linked.accountId, whid, TimelineKind.SALES_ORDER_CREATED, order.orderedAt(),
                "Order " + order.orderNumber() + " placed: " + order.amount().toPlainString() + " " + order.currency(),
                eventId, data);
    }

    public void shipmentDelivered(UUID eventId, String whid, ShipmentDelivered delivery) {
        SalesOrder order = orders.findByIdOptional(delivery.orderId())
                .orElseThrow(() -> new UnprocessableEventException("no order " + delivery.orderId()));
        Map<String, Object> data = new HashMap<>();
        data.put("shipmentId", delivery.shipmentId());
        data.put("orderId", delivery.orderId());
        data.put("carrier", delivery.carrier());
        data.put("trackingNumber", delivery.trackingNumber());
        timeline.record(order.accountId, whid, TimelineKind.SHIPMENT_DELIVERED, delivery.deliveredAt(),
                "Order " + order.orderNumber + " delivered", eventId, data);
    }
}
