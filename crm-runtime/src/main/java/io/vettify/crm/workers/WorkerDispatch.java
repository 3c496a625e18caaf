package io.vettify.crm.workers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A job waiting for its reply: what to (re)send and when. Written with the job, deleted when the job is settled; read
 * across tenants by the dispatcher and the deadline sweep, so it is infrastructure like the outbox.
 */
@Entity
@Table(schema = "crm_messaging", name = "worker_dispatch")
public class WorkerDispatch extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public UUID jobId;

    public String tid;

    public String whid;

    public String worker;

    @JdbcTypeCode(SqlTypes.JSON)
    public String request;

    @Column(name = "correlation_id")
    public String correlationId;

    public String traceparent;

    public int attempts;

    public Instant deadline;

    /** When the request is due to be sent (again); the deadline once no attempt is left. */
    @Column(name = "next_send_at")
    public Instant nextSendAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;
}
