package io.vettify.crm.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vettify.crm.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Records a domain event in the outbox, in the caller's transaction: the change and its event commit together or
 * not at all. The commit wakes the relay, which publishes it right away (the poll is the safety net).
 */
@ApplicationScoped
public class DomainEvents {

    private final TenantContext tenant;
    private final RequestCorrelation correlation;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public DomainEvents(TenantContext tenant, RequestCorrelation correlation, ObjectMapper mapper,
            TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.transactions = transactions;
        this.relay = relay;
        this.tenant = tenant;
        this.correlation = correlation;
        this.mapper = mapper;
    }

    /**
     * @param whid the warehouse of the changed row (null: tenant-wide), carried in the event's {@code whid} header
     * @param data the event's data; serialized as its JSON body
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String eventType, String aggregateType, UUID aggregateId, String whid, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.tid = tenant.tenantId().orElseThrow(() -> new IllegalStateException("an event needs a tenant"));
        event.whid = whid;
        event.eventType = eventType;
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        try {
            event.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data of " + eventType + " is not serializable", e);
        }
        event.correlationId = correlation.correlationId();
        event.traceparent = correlation.traceparent();
        event.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        event.persist();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
