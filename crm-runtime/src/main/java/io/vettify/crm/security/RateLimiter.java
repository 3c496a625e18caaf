package io.vettify.crm.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;
import io.vettify.crm.common.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Per-caller rate limits as token buckets in the tenant's Redis (one Lua script, atomic, on Redis' clock, so all
 * replicas share one bucket per caller). A caller past the limit gets 429 with {@code Retry-After}.
 *
 * <p>When Redis cannot be reached the limit fails open: the request goes on, a warning is logged and
 * {@code vettify_rate_limit_unavailable_total} counts it. The limited routes are idempotent (a campaign is sent once
 * however often send is called), so an outage of Redis costs availability of nothing and protection of little.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final String SCRIPT = load("redis/token-bucket.lua");

    private final RedisDataSource redis;
    private final MeterRegistry metrics;

    public RateLimiter(RedisDataSource redis, MeterRegistry metrics) {
        this.redis = redis;
        this.metrics = metrics;
    }

    /**
     * Takes one token of {@code caller}'s bucket for {@code route}, or throws 429.
     *
     * @param perSecond the bucket's capacity and its refill rate per second
     */
    public void acquire(String route, String caller, int perSecond) {
        String key = "vettify:rate:" + route + ":" + caller;
        Response answer;
        try {
            answer = redis.execute(Command.EVAL, SCRIPT, "1", key, Integer.toString(perSecond),
                    Integer.toString(perSecond));
        } catch (RuntimeException e) {
            metrics.counter("vettify_rate_limit_unavailable_total", "route", route).increment();
            LOG.warnf("rate limit of %s not checked (Redis unavailable: %s); the request goes on", route,
                    e.getMessage());
            return;
        }
        if (answer.get(0).toInteger() == 1) {
            return;
        }
        metrics.counter("vettify_rate_limited_total", "route", route).increment();
        throw ProblemException.tooManyRequests("more than " + perSecond + " requests per second on this route; "
                + "retry after the time in Retry-After", Duration.ofNanos(answer.get(1).toLong() * 1000));
    }

    private static String load(String resource) {
        try (InputStream in = RateLimiter.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
