package io.vettify.crm.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * HTTP server metrics: a histogram per route (the route template, never the raw path, so no ids or PII) with SLO
 * buckets around the 250 ms p95 target, labelled with the caller's tenant.
 */
public class MetricsConfiguration {

    static final String TENANT_LOCAL = "vettify.metrics.tid";
    private static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter httpServerHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .serviceLevelObjectives(Duration.ofMillis(50).toNanos(), Duration.ofMillis(100).toNanos(),
                                Duration.ofMillis(250).toNanos(), Duration.ofMillis(500).toNanos(),
                                Duration.ofSeconds(1).toNanos())
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }

    @Produces
    @Singleton
    HttpServerMetricsTagsContributor tenantTag() {
        return context -> {
            String tid = context.requestContextLocalData(TENANT_LOCAL);
            return Tags.of("tid", tid == null ? "none" : tid);
        };
    }

    /** Called once the caller's tenant is known for this request (on the request's Vert.x context). */
    public static void recordTenant(String tid) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(TENANT_LOCAL, tid);
        }
    }
}
