package io.vettify.crm.messaging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An event waiting in the outbox for the relay, or already published (kept for the retention period). */
@Entity
@Table(schema = "crm_messaging", name = "outbox")
public class OutboxEvent extends PanacheEntityBase {

    /** Commit order; the relay publishes in this order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "id", nullable = false, updatable = false)
    public UUID eventId;

    public String tid;

    public String whid;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "aggregate_type")
    public String aggregateType;

    @Column(name = "aggregate_id")
    public UUID aggregateId;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Column(name = "correlation_id")
    public String correlationId;

    public String traceparent;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;
}
