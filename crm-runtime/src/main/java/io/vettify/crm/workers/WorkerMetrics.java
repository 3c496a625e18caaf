package io.vettify.crm.workers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The worker client's metrics, tagged by worker and tenant, never by anything about a person: requests, outcomes
 * (done, and failures by kind: failed, timed_out, circuit_open, invalid_reply), retries, and the latency from
 * submission to reply as a histogram. Failure rate = failures / requests.
 */
@ApplicationScoped
public class WorkerMetrics {

    public enum Outcome {
        DONE("done"), FAILED("failed"), INVALID_REPLY("invalid_reply"), TIMED_OUT("timed_out"),
        CIRCUIT_OPEN("circuit_open");

        final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    private final MeterRegistry registry;

    public WorkerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void requested(String worker, String tid) {
        Counter.builder("vettify.worker.requests").description("jobs submitted to a worker")
                .tag("worker", worker).tag("tid", tid).register(registry).increment();
    }

    void settled(String worker, String tid, Outcome outcome, Duration latency) {
        if (outcome == Outcome.DONE) {
            Counter.builder("vettify.worker.completed").description("jobs a worker answered")
                    .tag("worker", worker).tag("tid", tid).register(registry).increment();
        } else {
            Counter.builder("vettify.worker.failures").description("jobs that failed, by outcome")
                    .tag("worker", worker).tag("tid", tid).tag("outcome", outcome.tag).register(registry).increment();
        }
        if (outcome == Outcome.DONE || outcome == Outcome.FAILED || outcome == Outcome.INVALID_REPLY) {
            Timer.builder("vettify.worker.latency").description("from a job's submission to its worker's reply")
                    .tag("worker", worker).tag("tid", tid).publishPercentileHistogram()
                    .register(registry).record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }

    void retried(String worker, String tid) {
        Counter.builder("vettify.worker.retries").description("attempts sent again after a retryable error")
                .tag("worker", worker).tag("tid", tid).register(registry).increment();
    }

    void sent(String worker) {
        Counter.builder("vettify.worker.sent").description("requests the broker confirmed")
                .tag("worker", worker).register(registry).increment();
    }

    void sendFailed(String worker) {
        Counter.builder("vettify.worker.send.failures").description("requests the broker did not take (retried)")
                .tag("worker", worker).register(registry).increment();
    }

    void orphanReply() {
        registry.counter("vettify.worker.replies.orphaned").increment();
    }
}
