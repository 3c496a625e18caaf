package io.vettify.crm.workers;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A circuit breaker per worker. Outcomes arrive asynchronously (a reply or a deadline long after the send), so it is
 * kept here rather than around a method call: after {@code failure-threshold} jobs of one worker failed in a row its
 * circuit opens and the dispatcher fails that worker's jobs at once, without a broker call; after {@code open-for} one
 * round of requests is let through (half-open) and the next outcome closes or reopens it. Per replica, in memory.
 */
@ApplicationScoped
public class WorkerCircuitBreakers {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final WorkerSettings settings;
    private final Clock clock;
    private final Map<String, Circuit> circuits = new ConcurrentHashMap<>();

    public WorkerCircuitBreakers(WorkerSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.clock = Clock.systemUTC();
        for (String worker : Workers.ALL) {
            Circuit circuit = circuits.computeIfAbsent(worker, w -> new Circuit());
            Gauge.builder("vettify.worker.circuit.open", circuit, c -> c.state == State.CLOSED ? 0 : 1)
                    .description("1 while the worker's circuit is open or half-open").tag("worker", worker)
                    .register(registry);
        }
    }

    /** Whether a request to the worker may be sent now. */
    public boolean allows(String worker) {
        Circuit circuit = circuit(worker);
        synchronized (circuit) {
            if (circuit.state == State.OPEN && !clock.instant().isBefore(circuit.openUntil)) {
                circuit.state = State.HALF_OPEN;
            }
            return circuit.state != State.OPEN;
        }
    }

    public void succeeded(String worker) {
        Circuit circuit = circuit(worker);
        synchronized (circuit) {
            circuit.state = State.CLOSED;
            circuit.failuresInARow = 0;
        }
    }

    public void failed(String worker) {
        Circuit circuit = circuit(worker);
        synchronized (circuit) {
            circuit.failuresInARow++;
            if (circuit.state == State.HALF_OPEN
                    || circuit.failuresInARow >= settings.circuit().failureThreshold()) {
                circuit.state = State.OPEN;
                circuit.openUntil = clock.instant().plus(settings.circuit().openFor());
            }
        }
    }

    private Circuit circuit(String worker) {
        return circuits.computeIfAbsent(worker, w -> new Circuit());
    }

    private static final class Circuit {
        private volatile State state = State.CLOSED;
        private int failuresInARow;
        private Instant openUntil = Instant.EPOCH;
    }
}
