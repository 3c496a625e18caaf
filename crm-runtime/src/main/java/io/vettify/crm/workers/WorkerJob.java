package io.vettify.crm.workers;

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

/** One request to a worker of the fleet and how it ended; visible to its tenant only (row-level security). */
@Entity
@Table(schema = "crm", name = "worker_jobs")
public class WorkerJob extends CrmEntity {

    public String worker;

    @Enumerated(EnumType.STRING)
    public WorkerJobStatus status = WorkerJobStatus.PENDING;

    /** What the job is about, e.g. {@code account} and the account's id; both may be null. */
    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public UUID subjectId;

    /** Requests sent to the worker so far (a retry is another attempt). */
    public int attempts;

    public Instant deadline;

    /** The request body (JSON) sent to the worker. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String request;

    /** The worker's result (JSON) once DONE. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String result;

    /** Why the job FAILED or TIMED_OUT; the last error of a retried attempt while PENDING. */
    public String error;
}
