package io.vettify.crm.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to RabbitMQ as CloudEvents (binary mode) with publisher confirms, woken by each commit that
 * recorded events and polling as a safety net. One relay works at a
 * time across all replicas (a transaction-level advisory lock), taking pending events in commit order with
 * {@code FOR UPDATE SKIP LOCKED}; an event is marked published only once the broker confirmed it. When the broker
 * is away, nothing is lost: events wait, the attempt is recorded, and the next poll tries again.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x76657474_6966794CL; // "vettifyL"

    private final EntityManager entityManager;
    private final BrokerConnection broker;
    private final MeterRegistry registry;
    private final int batchSize;
    private final Duration confirmTimeout;
    private final Duration retention;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vettify-outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxRelay(EntityManager entityManager, BrokerConnection broker, MeterRegistry registry,
            @ConfigProperty(name = "vettify.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "vettify.outbox.confirm-timeout", defaultValue = "PT5S") Duration confirmTimeout,
            @ConfigProperty(name = "vettify.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.entityManager = entityManager;
        this.broker = broker;
        this.registry = registry;
        this.batchSize = batchSize;
        this.confirmTimeout = confirmTimeout;
        this.retention = retention;
        Gauge.builder("vettify.outbox.backlog", backlog, AtomicLong::get)
                .description("events waiting in the outbox").register(registry);
        Gauge.builder("vettify.outbox.oldest.pending.age", oldestPendingSeconds, AtomicLong::get)
                .baseUnit("seconds").description("age of the oldest unpublished event").register(registry);
    }

    @Scheduled(every = "${vettify.outbox.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain();
    }

    /** Publishes soon, off the caller's thread: called when a transaction that recorded events has committed. */
    public void wake() {
        if (wakeRequested.compareAndSet(false, true)) {
            try {
                waker.execute(() -> {
                    wakeRequested.set(false);
                    drain();
                });
            } catch (RejectedExecutionException e) {
                wakeRequested.set(false); // shutting down: the next start's poll publishes it
            }
        }
    }

    private void drain() {
        try {
            int published;
            do {
                published = publishPending();
            } while (published == batchSize);
            refreshBacklog();
        } catch (RuntimeException e) {
            LOG.warnf(e, "outbox relay: the database failed; the next poll retries");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        waker.shutdownNow();
    }

    /** Publishes one batch of pending events; returns how many the broker confirmed. */
    public int publishPending() {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean relayLock = (Boolean) entityManager
                    .createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!relayLock) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<OutboxEvent> batch = entityManager.createNativeQuery("""
                    SELECT * FROM crm_messaging.outbox WHERE published_at IS NULL
                    ORDER BY seq LIMIT ?1 FOR UPDATE SKIP LOCKED""", OutboxEvent.class)
                    .setParameter(1, batchSize).getResultList();
            return batch.isEmpty() ? 0 : publish(batch);
        });
    }

    private int publish(List<OutboxEvent> batch) {
        NavigableSet<Long> confirmed = new ConcurrentSkipListSet<>();
        // written here, read by the broker connection's thread in the confirm listener
        Map<Long, OutboxEvent> bySequence = new ConcurrentHashMap<>();
        Channel channel = null;
        ConfirmListener listener = null;
        String failure = null;
        try {
            channel = broker.confirmChannel();
            listener = channel.addConfirmListener((tag, multiple) -> {
                if (multiple) {
                    bySequence.keySet().stream().filter(seq -> seq <= tag).forEach(confirmed::add);
                } else {
                    confirmed.add(tag);
                }
            }, (tag, multiple) -> LOG.warnf("the broker refused event delivery tag %d", tag));
            for (OutboxEvent event : batch) {
                long sequence = channel.getNextPublishSeqNo();
                bySequence.put(sequence, event);
                channel.basicPublish(broker.exchange(), event.eventType, properties(event),
                        event.payload.getBytes(StandardCharsets.UTF_8));
            }
            if (!channel.waitForConfirms(confirmTimeout.toMillis())) {
                failure = "the broker refused some events";
            }
        } catch (IOException | InterruptedException | java.util.concurrent.TimeoutException
                | com.rabbitmq.client.ShutdownSignalException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            broker.reset();
        } finally {
            if (channel != null && listener != null) {
                channel.removeConfirmListener(listener);
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int published = 0;
        for (var entry : bySequence.entrySet()) {
            OutboxEvent event = entry.getValue();
            if (confirmed.contains(entry.getKey())) {
                event.publishedAt = now;
                published++;
                registry.counter("vettify.outbox.published", "type", event.eventType).increment();
            }
        }
        if (failure != null) {
            for (OutboxEvent event : batch) {
                if (event.publishedAt == null) {
                    event.attempts++;
                    event.lastError = failure.length() > 1000 ? failure.substring(0, 1000) : failure;
                    Counter.builder("vettify.outbox.publish.failures").tag("type", event.eventType)
                            .register(registry).increment();
                }
            }
            LOG.warnf("outbox relay: %d of %d events confirmed; the rest wait for the next attempt (%s)",
                    published, batch.size(), failure);
        }
        return published;
    }

    private static AMQP.BasicProperties properties(OutboxEvent event) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("ce-specversion", "1.0");
        headers.put("ce-id", event.eventId.toString());
        headers.put("ce-type", event.eventType);
        headers.put("ce-source", "vettify/" + event.tid);
        headers.put("ce-time", event.occurredAt.toString());
        headers.put("x-corr-id", event.correlationId);
        headers.put("tid", event.tid);
        if (event.whid != null) {
            headers.put("whid", event.whid);
        }
        if (event.traceparent != null) {
            headers.put("traceparent", event.traceparent);
        }
        return new AMQP.BasicProperties.Builder()
                .messageId(event.eventId.toString())
                .correlationId(event.correlationId)
                .type(event.eventType)
                .contentType("application/json")
                .contentEncoding("utf-8")
                .deliveryMode(2)
                .timestamp(Date.from(event.occurredAt))
                .appId("vettify-crm-runtime")
                .headers(headers)
                .build();
    }

    private void refreshBacklog() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT count(*), EXTRACT(EPOCH FROM now() - min(occurred_at)) FROM crm_messaging.outbox "
                        + "WHERE published_at IS NULL").getSingleResult());
        backlog.set(((Number) row[0]).longValue());
        oldestPendingSeconds.set(row[1] == null ? 0 : ((Number) row[1]).longValue());
    }

    /** Published events are kept for the retention period, then pruned. */
    @Scheduled(every = "1h", delayed = "5m")
    void prune() {
        int pruned = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "DELETE FROM crm_messaging.outbox WHERE published_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) retention.toSeconds()).executeUpdate());
        if (pruned > 0) {
            LOG.infof("outbox: pruned %d published events older than %s", pruned, retention);
        }
    }
}
