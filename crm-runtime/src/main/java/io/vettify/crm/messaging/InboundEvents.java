package io.vettify.crm.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.vettify.crm.accounts.AccountService;
import io.vettify.crm.opportunities.SalesOrders;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The events the CRM consumes from other modules (PRODUCT.md §6), each on its own durable queue with a DLQ. */
@ApplicationScoped
public class InboundEvents {

    private final InboundEventProcessor processor;
    private final SalesOrders salesOrders;
    private final AccountService accounts;

    public InboundEvents(InboundEventProcessor processor, SalesOrders salesOrders, AccountService accounts) {
        this.processor = processor;
        this.salesOrders = salesOrders;
        this.accounts = accounts;
    }

    @Incoming("sales-order-created")
    @Blocking(ordered = false)
    public CompletionStage<Void> salesOrderCreated(Message<?> message) {
        return processor.process(message, EventTypes.SALES_ORDER_CREATED, SalesOrders.OrderCreated.class,
                salesOrders::orderCreated);
    }

    @Incoming("shipment-delivered")
    @Blocking(ordered = false)
    public CompletionStage<Void> shipmentDelivered(Message<?> message) {
        return processor.process(message, EventTypes.SHIPMENT_DELIVERED, SalesOrders.ShipmentDelivered.class,
                salesOrders::shipmentDelivered);
    }

    @Incoming("taxpayer-verified")
    @Blocking(ordered = false)
    public CompletionStage<Void> taxpayerVerified(Message<?> message) {
        return processor.process(message, EventTypes.TAXPAYER_VERIFIED, AccountService.TaxpayerVerified.class,
                accounts::taxpayerVerified);
    }
}
