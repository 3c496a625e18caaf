package io.vettify.operator.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How each canary step's analysis measures (operator-wide, {@code vettify.operator.canary.*}); the thresholds are the
 * tenant's ({@code spec.runtime.canary.analysis}). Every metric is measured {@code count} times, every
 * {@code interval}, over a {@code rate-window} of the canary's series; more than {@code failure-limit} failed
 * measurements of one metric fail the AnalysisRun, and Argo Rollouts aborts the canary (the stable ReplicaSet takes
 * all replicas back).
 */
@ConfigMapping(prefix = "vettify.operator.canary")
public interface CanaryAnalysisConfig {

    /** Between two measurements of a metric (an Argo duration: {@code 30s}, {@code 1m}). */
    @WithDefault("1m")
    String interval();

    /** Measurements per metric and step. */
    @WithDefault("5")
    int count();

    /** Failed measurements a metric may have before the run fails. */
    @WithDefault("1")
    int failureLimit();

    /** Consecutive measurement errors (e.g. Prometheus unreachable) before the run errors, which aborts too. */
    @WithDefault("4")
    int consecutiveErrorLimit();

    /** The PromQL range of the rate()s (a Prometheus duration); at least a few scrape intervals of the runtime. */
    @WithDefault("2m")
    String rateWindow();

    /** Timeout of each Prometheus query, in seconds. */
    @WithDefault("10")
    long queryTimeoutSeconds();
}
