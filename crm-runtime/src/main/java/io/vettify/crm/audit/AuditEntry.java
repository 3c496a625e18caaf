package io.vettify.crm.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One entry of a tenant's audit chain ({@code crm.audit_log}): who did what to which subject, when, with digests of
 * the subject before and after, chained by {@link AuditChain#hash}. Never changed once written.
 */
@Entity
@Immutable
@Table(schema = "crm", name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    public long seq;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** The token subject of the caller, or {@link AuditTrail#SYSTEM_ACTOR} for work without a caller. */
    public String actor;

    /** The warehouse the actor acted from (null: tenant-wide). The entry itself is always tenant-wide. */
    @Column(name = "actor_whid")
    public String actorWhid;

    public String action;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "before_digest")
    public String beforeDigest;

    @Column(name = "after_digest")
    public String afterDigest;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;
}
