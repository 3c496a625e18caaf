package io.vettify.crm.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The answers of the public registers (ANAF taxpayer, REGES employees) cached in the tenant's Redis for a TTL. Keyed by
 * fiscal code only ({@code anaf:taxpayer:<cui>}, {@code reges:employees:<cui>}): what a register says about a company
 * is a public fact, the same for every tenant, and carries no personal data. Redis being away is a miss, never an error.
 */
@ApplicationScoped
public class TaxpayerCache {

    private static final Logger LOG = Logger.getLogger(TaxpayerCache.class);

    private final ValueCommands<String, String> values;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final Duration ttl;

    public TaxpayerCache(RedisDataSource redis, ObjectMapper mapper, MeterRegistry registry,
            @ConfigProperty(name = "vettify.anaf.cache-ttl", defaultValue = "PT24H") Duration ttl) {
        this.values = redis.value(String.class);
        this.mapper = mapper;
        this.registry = registry;
        this.ttl = ttl;
    }

    /** The cached {@code anaf.taxpayer} result for the fiscal code; counts a hit or a miss. */
    public Optional<JsonNode> taxpayer(String cui) {
        Optional<JsonNode> cached = read("anaf:taxpayer:" + cui);
        registry.counter("vettify.anaf.cache", "result", cached.isPresent() ? "hit" : "miss").increment();
        return cached;
    }

    public void rememberTaxpayer(String cui, JsonNode result) {
        write("anaf:taxpayer:" + cui, result);
    }

    /** The cached {@code reges} result for the fiscal code. */
    public Optional<JsonNode> employees(String cui) {
        return read("reges:employees:" + cui);
    }

    public void rememberEmployees(String cui, JsonNode result) {
        write("reges:employees:" + cui, result);
    }

    private Optional<JsonNode> read(String key) {
        try {
            String value = values.get(key);
            return value == null ? Optional.empty() : Optional.of(mapper.readTree(value));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("register cache: %s unreadable (%s); asking the worker", key, e.getMessage());
            return Optional.empty();
        }
    }

    private void write(String key, JsonNode value) {
        try {
            values.setex(key, ttl.toSeconds(), value.toString());
        } catch (RuntimeException e) {
            LOG.warnf("register cache: %s not stored (%s)", key, e.getMessage());
        }
    }
}
