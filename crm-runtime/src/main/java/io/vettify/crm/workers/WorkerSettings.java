package io.vettify.crm.workers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The worker client's configuration: defaults for every worker, overridden per worker under
 * {@code vettify.workers.worker."<name>".*} (e.g. {@code vettify.workers.worker."anaf.taxpayer".timeout=PT30S}).
 */
@ConfigMapping(prefix = "vettify.workers")
public interface WorkerSettings {

    /** The direct exchange of the requests; routing key = worker name. */
    String exchange();

    /** The runtime's durable reply queue (the requests' {@code reply_to}). */
    String replyQueue();

    /** How often the dispatcher and the deadline sweep look for work (besides being woken by each commit). */
    @WithDefault("1s")
    String pollInterval();

    /** How long a job may wait for its reply in all, from submission: past it, it is TIMED_OUT. */
    @WithDefault("PT60S")
    Duration timeout();

    /** How long one attempt waits for a reply before the request is sent again (while attempts are left). */
    @WithDefault("PT20S")
    Duration attemptTimeout();

    /** Requests sent at most per job (the first one included). */
    @WithDefault("3")
    int maxAttempts();

    /** Pause before a retry; doubled at each further attempt. Also the pause after the broker failed a send. */
    @WithDefault("PT1S")
    Duration backoff();

    /** How long the broker may take to confirm a request. */
    @WithDefault("PT5S")
    Duration confirmTimeout();

    Circuit circuit();

    @WithName("worker")
    Map<String, PerWorker> perWorker();

    interface Circuit {
        /** Jobs of one worker failing in a row (failed, timed out, invalid reply) that open its circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit fails that worker's jobs at once, before one attempt is let through again. */
        @WithDefault("PT30S")
        Duration openFor();
    }

    interface PerWorker {
        Optional<Duration> timeout();

        Optional<Duration> attemptTimeout();

        OptionalInt maxAttempts();
    }

    default Duration timeout(String worker) {
        return Optional.ofNullable(perWorker().get(worker)).flatMap(PerWorker::timeout).orElse(timeout());
    }

    default Duration attemptTimeout(String worker) {
        return Optional.ofNullable(perWorker().get(worker)).flatMap(PerWorker::attemptTimeout)
                .orElse(attemptTimeout());
    }

    default int maxAttempts(String worker) {
        PerWorker own = perWorker().get(worker);
        return own != null && own.maxAttempts().isPresent() ? own.maxAttempts().getAsInt() : maxAttempts();
    }
}
