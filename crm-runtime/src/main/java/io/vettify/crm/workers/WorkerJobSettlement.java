package io.vettify.crm.workers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vettify.crm.messaging.RequestCorrelation;
import io.vettify.crm.tenancy.TenantScope;
import io.vettify.crm.workers.WorkerMetrics.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Settles a job: its reply arrived (DONE, FAILED, or a retry), its deadline passed (TIMED_OUT), or its worker's circuit
 * is open (FAILED at once). Each happens in one transaction bound to the job's tenant and warehouse, which also runs the
 * worker's {@link WorkerReplyHandler} and deletes the job's dispatch row; whichever comes first wins, the rest find
 * nothing to settle. A reply that is not JSON, or not valid against the worker's response schema, fails its job only.
 */
@ApplicationScoped
public class WorkerJobSettlement {

    private static final Logger LOG = Logger.getLogger(WorkerJobSettlement.class);
    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** What happens to a job. */
    record Decision(WorkerJobStatus status, Outcome outcome, JsonNode result, String error, boolean retry) {

        static Decision done(JsonNode result) {
            return new Decision(WorkerJobStatus.DONE, Outcome.DONE, result, null, false);
        }

        static Decision fail(WorkerJobStatus status, Outcome outcome, String error) {
            return new Decision(status, outcome, null, WorkerDispatcher.truncate(error), false);
        }

        static Decision retry(String error) {
            return new Decision(WorkerJobStatus.PENDING, null, null, WorkerDispatcher.truncate(error), true);
        }
    }

    private final EntityManager entityManager;
    private final TenantScope tenantScope;
    private final RequestCorrelation correlation;
    private final WorkerSchemas schemas;
    private final WorkerSettings settings;
    private final WorkerCircuitBreakers circuits;
    private final WorkerMetrics metrics;
    private final Map<String, WorkerReplyHandler> handlers = new HashMap<>();

    public WorkerJobSettlement(EntityManager entityManager, TenantScope tenantScope, RequestCorrelation correlation,
            WorkerSchemas schemas, WorkerSettings settings, WorkerCircuitBreakers circuits, WorkerMetrics metrics,
            Instance<WorkerReplyHandler> handlers) {
        this.entityManager = entityManager;
        this.tenantScope = tenantScope;
        this.correlation = correlation;
        this.schemas = schemas;
        this.settings = settings;
        this.circuits = circuits;
        this.metrics = metrics;
        for (WorkerReplyHandler handler : handlers) {
            WorkerReplyHandler other = this.handlers.put(handler.worker(), handler);
            if (other != null) {
                throw new IllegalStateException("two reply handlers for worker " + handler.worker());
            }
        }
    }

    /** The worker's reply to a job (the body of the message whose {@code correlation_id} is the job id). */
    public void reply(UUID jobId, String body) {
        settle(jobId, job -> decideReply(job, body));
    }

    /** The job's deadline passed without a reply. */
    public void timeOut(UUID jobId) {
        settle(jobId, job -> job.deadline.isAfter(Instant.now()) ? null
                : Decision.fail(WorkerJobStatus.TIMED_OUT, Outcome.TIMED_OUT,
                        "no reply from " + job.worker + " before the deadline " + job.deadline
                                + " (" + job.attempts + " attempts sent)"));
    }

    /** The worker's circuit is open: the job fails without a request being sent. */
    public void failFast(UUID jobId) {
        settle(jobId, job -> Decision.fail(WorkerJobStatus.FAILED, Outcome.CIRCUIT_OPEN,
                "circuit open: the last " + settings.circuit().failureThreshold() + " jobs of " + job.worker
                        + " failed; this one was not sent"));
    }

    private Decision decideReply(WorkerDispatch job, String body) {
        JsonNode reply;
        try {
            reply = body == null ? null : STRICT_JSON.readTree(body);
        } catch (JsonProcessingException e) {
            reply = null;
        }
        if (reply == null || !reply.isObject()) {
            return Decision.fail(WorkerJobStatus.FAILED, Outcome.INVALID_REPLY, "invalid reply: not a JSON object");
        }
        JsonNode ok = reply.get("ok");
        if (ok == null || !ok.isBoolean()) {
            return Decision.fail(WorkerJobStatus.FAILED, Outcome.INVALID_REPLY, "invalid reply: no boolean 'ok'");
        }
        if (ok.booleanValue()) {
            JsonNode result = reply.get("result");
            if (result == null || !result.isObject()) {
                return Decision.fail(WorkerJobStatus.FAILED, Outcome.INVALID_REPLY, "invalid reply: no 'result' object");
            }
            List<String> violations = schemas.responseViolations(job.worker, result);
            if (!violations.isEmpty()) {
                return Decision.fail(WorkerJobStatus.FAILED, Outcome.INVALID_REPLY,
                        "invalid reply: " + String.join("; ", violations));
            }
            return Decision.done(result);
        }
        JsonNode error = reply.path("error");
        String text = "worker error " + error.path("code").asText("unknown") + ": " + error.path("message").asText("");
        if (error.path("retryable").asBoolean(false) && job.attempts < settings.maxAttempts(job.worker)) {
            return Decision.retry(text);
        }
        return Decision.fail(WorkerJobStatus.FAILED, Outcome.FAILED, text);
    }

    private void settle(UUID jobId, Function<WorkerDispatch, Decision> decide) {
        WorkerDispatch owner = QuarkusTransaction.requiringNew().call(() -> {
            WorkerDispatch found = entityManager.find(WorkerDispatch.class, jobId);
            if (found != null) {
                entityManager.detach(found);
            }
            return found;
        });
        if (owner == null) {
            metrics.orphanReply(); // settled already (a late reply, a duplicate) or never ours
            return;
        }
        AtomicReference<Decision> decided = new AtomicReference<>();
        try {
            tenantScope.inTransaction(owner.tid, owner.whid, () -> apply(jobId, decide, true, decided));
        } catch (RuntimeException e) {
            LOG.errorf(e, "worker %s: the outcome of job %s could not be applied; the job fails", owner.worker, jobId);
            Decision failed = Decision.fail(WorkerJobStatus.FAILED, Outcome.FAILED,
                    "the outcome could not be applied: " + e.getClass().getSimpleName());
            decided.set(null);
            tenantScope.inTransaction(owner.tid, owner.whid, () -> apply(jobId, job -> failed, false, decided));
        }
        Decision decision = decided.get();
        if (decision == null) {
            return;
        }
        if (decision.retry()) {
            metrics.retried(owner.worker, owner.tid);
            return;
        }
        metrics.settled(owner.worker, owner.tid, decision.outcome(), Duration.between(owner.createdAt, Instant.now()));
        switch (decision.outcome()) {
            case DONE -> circuits.succeeded(owner.worker);
            case CIRCUIT_OPEN -> {
            }
            default -> circuits.failed(owner.worker);
        }
    }

    private void apply(UUID jobId, Function<WorkerDispatch, Decision> decide, boolean callHandler,
            AtomicReference<Decision> decided) {
        WorkerDispatch dispatch = entityManager.find(WorkerDispatch.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (dispatch == null) {
            return;
        }
        correlation.adopt(dispatch.correlationId, dispatch.traceparent);
        Decision decision = decide.apply(dispatch);
        if (decision == null) {
            return;
        }
        WorkerJob job = entityManager.find(WorkerJob.class, jobId);
        if (job == null) { // the job row is gone: nothing to settle any more
            entityManager.remove(dispatch);
            return;
        }
        job.attempts = dispatch.attempts;
        job.error = decision.error();
        if (decision.retry()) {
            Duration backoff = settings.backoff().multipliedBy(1L << Math.min(10, Math.max(0, dispatch.attempts - 1)));
            dispatch.nextSendAt = Instant.now().plus(backoff).truncatedTo(ChronoUnit.MICROS);
            dispatch.lastError = decision.error();
            decided.set(decision);
            return;
        }
        job.status = decision.status();
        job.result = decision.result() == null ? null : decision.result().toString();
        entityManager.remove(dispatch);
        WorkerReplyHandler handler = handlers.get(job.worker);
        if (callHandler && handler != null) {
            if (decision.status() == WorkerJobStatus.DONE) {
                handler.completed(job, decision.result());
            } else {
                handler.failed(job);
            }
        }
        decided.set(decision);
    }
}
