package io.vettify.crm.workers;

import com.fasterxml.jackson.databind.JsonNode;
import io.vettify.crm.messaging.RequestCorrelation;
import io.vettify.crm.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * How every feature asks a worker of the fleet for something (PRODUCT.md §7). {@link #submit} records the job in the
 * caller's transaction; once it commits, the dispatcher sends the request (and a poll re-sends what a broker outage
 * held back), and the job's {@link WorkerReplyHandler} learns the outcome. The caller never waits for the worker.
 */
@ApplicationScoped
public class WorkerClient {

    private final TenantContext tenant;
    private final RequestCorrelation correlation;
    private final WorkerSchemas schemas;
    private final WorkerSettings settings;
    private final WorkerMetrics metrics;
    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final WorkerDispatcher dispatcher;

    public WorkerClient(TenantContext tenant, RequestCorrelation correlation, WorkerSchemas schemas,
            WorkerSettings settings, WorkerMetrics metrics, EntityManager entityManager,
            TransactionSynchronizationRegistry transactions, WorkerDispatcher dispatcher) {
        this.tenant = tenant;
        this.correlation = correlation;
        this.schemas = schemas;
        this.settings = settings;
        this.metrics = metrics;
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.dispatcher = dispatcher;
    }

    /** Submits a job with the worker's configured timeout; see {@link #submit(String, String, UUID, JsonNode, Duration)}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID submit(String worker, String subjectType, UUID subjectId, JsonNode request) {
        return submit(worker, subjectType, subjectId, request, settings.timeout(worker));
    }

    /**
     * Records a PENDING job for the worker in the caller's transaction, as the caller's tenant and warehouse.
     *
     * @param subjectType what the job is about (e.g. {@code account}), or null
     * @param subjectId the id of that subject, or null
     * @param request the request body; must be valid against the worker's request schema
     * @param timeout how long the job may wait for its reply before it is TIMED_OUT
     * @return the job id (also the request's {@code correlation_id}); {@code GET /v1/crm/jobs/{id}} shows the job
     * @throws IllegalArgumentException for an unknown worker or a request its schema refuses (a programming error)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID submit(String worker, String subjectType, UUID subjectId, JsonNode request, Duration timeout) {
        List<String> violations = schemas.requestViolations(worker, request);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("invalid " + worker + " request: " + String.join("; ", violations));
        }
        String tid = tenant.tenantId().orElseThrow(() -> new IllegalStateException("a worker job needs a tenant"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        WorkerJob job = new WorkerJob();
        job.id = UUID.randomUUID();
        job.whid = tenant.warehouseId().orElse(null);
        job.worker = worker;
        job.subjectType = subjectType;
        job.subjectId = subjectId;
        job.deadline = now.plus(timeout);
        job.request = request.toString();
        entityManager.persist(job);

        WorkerDispatch dispatch = new WorkerDispatch();
        dispatch.jobId = job.id;
        dispatch.tid = tid;
        dispatch.whid = job.whid;
        dispatch.worker = worker;
        dispatch.request = job.request;
        dispatch.correlationId = correlation.correlationId();
        dispatch.traceparent = correlation.traceparent();
        dispatch.deadline = job.deadline;
        dispatch.nextSendAt = now;
        dispatch.createdAt = now;
        entityManager.persist(dispatch);

        metrics.requested(worker, tid);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dispatcher.wake();
                }
            }
        });
        return job.id;
    }
}
