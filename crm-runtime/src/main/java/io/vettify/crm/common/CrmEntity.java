package io.vettify.crm.common;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Columns every CRM row has. {@code tid} and {@code mid} are not mapped: the database fills {@code tid} from the
 * transaction's tenant context ({@code app.tid}) and row-level security scopes every read and write to it.
 */
@MappedSuperclass
public abstract class CrmEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public String whid;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @PrePersist
    void beforeInsert() {
        if (id == null) {
            id = UUID.randomUUID();
        }
        createdAt = now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void beforeUpdate() {
        updatedAt = now();
    }

    /** Microsecond precision, as stored, so a cursor made from a row matches the row. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Optimistic lock check for a client's update: the version it read must still be current. */
    public void checkVersion(Long expected, String resource) {
        if (expected == null) {
            throw io.vettify.crm.common.api.ProblemException.invalid("version", "is required: send the version you read");
        }
        if (expected != version) {
            throw io.vettify.crm.common.api.ProblemException.conflict(resource + " " + id + " is at version " + version
                    + ", not " + expected + ": it was changed by someone else; reload it and apply your change again");
        }
    }
}
