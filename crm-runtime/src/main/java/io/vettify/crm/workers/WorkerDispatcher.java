package io.vettify.crm.workers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vettify.crm.tenancy.TenantIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the requests of jobs that are due (new, to retry, or held back by a broker outage), woken by each commit that
 * submitted a job and polling as a safety net; and times out the jobs past their deadline. Everything it needs is in
 * the database, so a restarted runtime carries on where the previous one stopped. Several replicas share the work
 * through {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class WorkerDispatcher {

    private static final Logger LOG = Logger.getLogger(WorkerDispatcher.class);
    private static final int BATCH = 100;

    private final EntityManager entityManager;
    private final WorkerBroker broker;
    private final WorkerSettings settings;
    private final WorkerCircuitBreakers circuits;
    private final WorkerMetrics metrics;
    private final WorkerJobSettlement settlement;
    private final Optional<String> pinnedTenant;
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vettify-worker-dispatcher");
        thread.setDaemon(true);
        return thread;
    });

    public WorkerDispatcher(EntityManager entityManager, WorkerBroker broker, WorkerSettings settings,
            WorkerCircuitBreakers circuits, WorkerMetrics metrics, WorkerJobSettlement settlement,
            @ConfigProperty(name = "vettify.tenant.id") Optional<String> pinnedTenant) {
        this.entityManager = entityManager;
        this.broker = broker;
        this.settings = settings;
        this.circuits = circuits;
        this.metrics = metrics;
        this.settlement = settlement;
        this.pinnedTenant = pinnedTenant;
    }

    @Scheduled(every = "${vettify.workers.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain();
        timeOutOverdue();
    }

    /** Sends soon, off the caller's thread: called when a transaction that submitted a job has committed. */
    public void wake() {
        if (wakeRequested.compareAndSet(false, true)) {
            try {
                waker.execute(() -> {
                    wakeRequested.set(false);
                    drain();
                });
            } catch (RejectedExecutionException e) {
                wakeRequested.set(false); // shutting down: the next start's poll sends it
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        waker.shutdownNow();
    }

    private synchronized void drain() {
        try {
            int taken;
            do {
                List<UUID> circuitOpen = new ArrayList<>();
                taken = sendDue(circuitOpen);
                circuitOpen.forEach(settlement::failFast);
            } while (taken == BATCH);
        } catch (RuntimeException e) {
            LOG.warnf(e, "worker dispatcher: the database failed; the next poll retries");
        }
    }

    /** Sends one batch of due requests; returns how many jobs it took. */
    private int sendDue(List<UUID> circuitOpen) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<WorkerDispatch> due = entityManager.createNativeQuery(
                    "SELECT * FROM crm_messaging.worker_dispatch WHERE next_send_at <= now() AND deadline > now()"
                            + tenantFilter() + " ORDER BY next_send_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED",
                    WorkerDispatch.class).getResultList();
            for (WorkerDispatch job : due) {
                if (!circuits.allows(job.worker)) {
                    job.nextSendAt = job.deadline; // settled right after this commit; at the latest by the sweep
                    circuitOpen.add(job.jobId);
                    continue;
                }
                send(job);
            }
            return due.size();
        });
    }

    private void send(WorkerDispatch job) {
        int attempt = job.attempts + 1;
        Optional<String> failure = broker.send(job, attempt);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (failure.isEmpty()) {
            job.attempts = attempt;
            job.sentAt = now;
            Instant resend = now.plus(settings.attemptTimeout(job.worker));
            job.nextSendAt = attempt < settings.maxAttempts(job.worker) && resend.isBefore(job.deadline)
                    ? resend : job.deadline;
            metrics.sent(job.worker);
        } else {
            // not a worker attempt: the broker did not take it; try again after the backoff
            job.lastError = truncate(failure.get());
            job.nextSendAt = now.plus(settings.backoff());
            metrics.sendFailed(job.worker);
            LOG.warnf("worker %s: job %s not sent (%s); retrying", job.worker, job.jobId, failure.get());
        }
    }

    private void timeOutOverdue() {
        try {
            @SuppressWarnings("unchecked")
            List<UUID> overdue = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                    "SELECT job_id FROM crm_messaging.worker_dispatch WHERE deadline <= now()" + tenantFilter()
                            + " ORDER BY deadline LIMIT " + BATCH).getResultList());
            overdue.forEach(settlement::timeOut);
        } catch (RuntimeException e) {
            LOG.warnf(e, "worker deadline sweep: the database failed; the next poll retries");
        }
    }

    /** A runtime pinned to one tenant works for that tenant only (its id has the shape checked at start). */
    private String tenantFilter() {
        return pinnedTenant.filter(TenantIds::isValidTenantId).map(tid -> " AND tid = '" + tid + "'").orElse("");
    }

    static String truncate(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
