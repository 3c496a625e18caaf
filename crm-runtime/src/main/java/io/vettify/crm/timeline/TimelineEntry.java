package io.vettify.crm.timeline;

import io.vettify.crm.common.CrmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of an account's 360 timeline: a CRM change or an event from another module. */
@Entity
@Table(schema = "crm", name = "account_timeline")
public class TimelineEntry extends CrmEntity {

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    public TimelineKind kind;

    public String summary;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @JdbcTypeCode(SqlTypes.JSON)
    public String data;
}
