package io.vettify.crm.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.vettify.crm.tenancy.TenantIds;
import io.vettify.crm.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * How every consumed event is handled: envelope and schema checks (a malformed message goes to the dead-letter
 * queue at once), the tenant context of the message's {@code tid}/{@code whid} headers, the inbox (a redelivered
 * event changes nothing), the handler in one transaction, ack only after commit, a bounded number of retries with
 * backoff, then the dead-letter queue.
 */
@ApplicationScoped
public class InboundEventProcessor {

    private static final Logger LOG = Logger.getLogger(InboundEventProcessor.class);

    /** What a consumer does with the event's data, inside the tenant's transaction. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(UUID eventId, String whid, T data);
    }

    private final TenantScope tenantScope;
    private final Inbox inbox;
    private final EventSchemas schemas;
    private final RequestCorrelation correlation;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final Optional<String> pinnedTenant;
    private final int maxAttempts;
    private final Duration backoff;

    public InboundEventProcessor(TenantScope tenantScope, Inbox inbox, EventSchemas schemas,
            RequestCorrelation correlation, ObjectMapper mapper, MeterRegistry registry,
            @ConfigProperty(name = "vettify.tenant.id") Optional<String> pinnedTenant,
            @ConfigProperty(name = "vettify.consumer.max-attempts", defaultValue = "3") int maxAttempts,
            @ConfigProperty(name = "vettify.consumer.backoff", defaultValue = "PT0.2S") Duration backoff) {
        this.tenantScope = tenantScope;
        this.inbox = inbox;
        this.schemas = schemas;
        this.correlation = correlation;
        this.mapper = mapper;
        this.registry = registry;
        this.pinnedTenant = pinnedTenant;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    public <T> CompletionStage<Void> process(Message<?> message, String eventType, Class<T> dataType,
            Handler<T> handler) {
        Map<String, Object> headers = message.getMetadata(IncomingRabbitMQMetadata.class)
                .map(IncomingRabbitMQMetadata::getHeaders).orElse(Map.of());
        String messageId = message.getMetadata(IncomingRabbitMQMetadata.class)
                .flatMap(IncomingRabbitMQMetadata::getMessageId).orElse(header(headers, "ce-id"));
        UUID eventId = uuid(messageId);
        if (eventId == null) {
            return deadLetter(message, eventType, "no event id (message id or ce-id)");
        }
        String tid = header(headers, "tid");
        if (!TenantIds.isValidTenantId(tid)) {
            return deadLetter(message, eventType, "no valid tid header");
        }
        String whid = header(headers, "whid");
        if (whid != null && !TenantIds.isValidWarehouseId(whid)) {
            return deadLetter(message, eventType, "malformed whid header");
        }
        if (pinnedTenant.isPresent() && !pinnedTenant.get().equals(tid)) {
            registry.counter("vettify.consumer.foreign", "type", eventType).increment();
            return message.ack();
        }
        String body = MessageBodies.text(message.getPayload());
        List<String> violations = body == null ? List.of("the body is not JSON") : schemas.violations(eventType, body);
        if (!violations.isEmpty()) {
            return deadLetter(message, eventType, "invalid data: " + String.join("; ", violations));
        }
        recordLag(eventType, header(headers, "ce-time"));
        T data;
        try {
            data = mapper.readValue(body, dataType);
        } catch (JsonProcessingException e) {
            return deadLetter(message, eventType, "unreadable data: " + e.getOriginalMessage());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                tenantScope.inTransaction(tid, whid, () -> {
                    correlation.adopt(header(headers, "x-corr-id"), header(headers, "traceparent"));
                    if (inbox.firstDelivery(eventId, tid, eventType)) {
                        handler.handle(eventId, whid, data);
                    } else {
                        registry.counter("vettify.consumer.duplicates", "type", eventType).increment();
                    }
                });
                registry.counter("vettify.consumer.processed", "type", eventType).increment();
                return message.ack();
            } catch (UnprocessableEventException e) {
                return deadLetter(message, eventType, e.getMessage());
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts) {
                    LOG.errorf(e, "%s %s failed %d times", eventType, eventId, attempt);
                    return deadLetter(message, eventType, "failed " + attempt + " times: " + e);
                }
                LOG.warnf("%s %s failed (attempt %d of %d), retrying: %s", eventType, eventId, attempt, maxAttempts, e);
                pause(backoff.multipliedBy(1L << (attempt - 1)));
            }
        }
    }

    private CompletionStage<Void> deadLetter(Message<?> message, String eventType, String reason) {
        LOG.warnf("dead-lettering a %s message: %s", eventType, reason);
        registry.counter("vettify.consumer.dead.lettered", "type", eventType).increment();
        return message.nack(new UnprocessableEventException(reason));
    }

    private void recordLag(String eventType, String ceTime) {
        if (ceTime == null) {
            return;
        }
        try {
            Duration lag = Duration.between(Instant.parse(ceTime), Instant.now());
            Timer.builder("vettify.consumer.lag").description("age of an event when it is consumed")
                    .tag("type", eventType).register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
        } catch (DateTimeParseException e) {
            LOG.debugf("unparseable ce-time %s", ceTime);
        }
    }

    private static String header(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Backoff between attempts on this consumer's worker thread (the message stays unacknowledged meanwhile). */
    private static void pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
