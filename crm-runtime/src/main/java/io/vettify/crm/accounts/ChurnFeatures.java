package io.vettify.crm.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import io.quarkus.scheduler.Scheduled;
import io.vettify.crm.tenancy.TenantScope;
import io.vettify.crm.timeline.AccountActivity;
import io.vettify.crm.timeline.TimelineKind;
import io.vettify.crm.workers.WorkerClient;
import io.vettify.crm.workers.Workers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The churn features of each account, kept in Redis (a simple feature store): a hash {@code churn:<tid>:<accountId>}
 * counting closed-lost and closed-won opportunities, linked orders and timeline activity, with the time of the last
 * activity. Each committed change schedules a recomputation by {@code ai.churn}, debounced: the first change opens a
 * window ({@code vettify.churn.debounce}) and one job per account is sent when it closes, with the features as they are
 * then. The answer becomes the account's {@code churnRisk} bucket.
 */
@ApplicationScoped
public class ChurnFeatures {

    private static final Logger LOG = Logger.getLogger(ChurnFeatures.class);
    static final String DUE = "churn:due";
    /**
     * One activity in one round trip (KEYS: the account's hash, the due set; ARGV: now in epoch seconds, the counter
     * of this kind of activity or '', when the recomputation is due, the due set's member). Command by command it was
     * four round trips after every commit, and at 1,000 users they overflowed the connection pool's waiting queue.
     */
    private static final String RECORD_ACTIVITY = """
            redis.call('HINCRBY', KEYS[1], 'activities', 1)
            redis.call('HSET', KEYS[1], 'lastActivityAt', ARGV[1])
            if ARGV[2] ~= '' then redis.call('HINCRBY', KEYS[1], ARGV[2], 1) end
            redis.call('ZADD', KEYS[2], 'NX', ARGV[3], ARGV[4])
            return 1
            """;

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;
    private final SortedSetCommands<String, String> due;
    private final TenantScope tenantScope;
    private final WorkerClient workers;
    private final AccountRepository accounts;
    private final ObjectMapper mapper;
    private final Duration debounce;

    public ChurnFeatures(RedisDataSource redis, TenantScope tenantScope, WorkerClient workers,
            AccountRepository accounts, ObjectMapper mapper,
            @ConfigProperty(name = "vettify.churn.debounce", defaultValue = "PT30S") Duration debounce) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.due = redis.sortedSet(String.class);
        this.tenantScope = tenantScope;
        this.workers = workers;
        this.accounts = accounts;
        this.mapper = mapper;
        this.debounce = debounce;
    }

    static String key(String tid, UUID accountId) {
        return "churn:" + tid + ":" + accountId;
    }

    /** A committed timeline entry of an account updates its features and schedules a recomputation. */
    void onActivity(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountActivity activity) {
        if (activity.kind() == TimelineKind.COMPLIANCE_VERIFIED) {
            return; // a register's answer says nothing about the customer's behaviour
        }
        try {
            Instant now = Instant.now();
            redis.execute("EVAL", RECORD_ACTIVITY, "2", key(activity.tid(), activity.accountId()), DUE,
                    Long.toString(now.getEpochSecond()), counterOf(activity),
                    Long.toString(now.plus(debounce).toEpochMilli()),
                    activity.tid() + "|" + (activity.whid() == null ? "" : activity.whid()) + "|" + activity.accountId());
        } catch (RuntimeException e) {
            LOG.warnf("churn features of account %s not updated (%s)", activity.accountId(), e.getMessage());
        }
    }

    /** Sends one ai.churn job per account whose debounce window closed; a replica takes a member by removing it. */
    @Scheduled(every = "${vettify.churn.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recomputeDue() {
        List<String> members;
        try {
            members = due.zrangebyscore(DUE, ScoreRange.from(0, (double) Instant.now().toEpochMilli()),
                    new ZRangeArgs().limit(0, 100));
        } catch (RuntimeException e) {
            LOG.debugf("churn: Redis unavailable (%s)", e.getMessage());
            return;
        }
        for (String member : members) {
            if (due.zrem(DUE, member) == 1) {
                String[] parts = member.split("\\|", -1);
                try {
                    tenantScope.inTransaction(parts[0], parts[1].isEmpty() ? null : parts[1],
                            () -> submit(parts[0], UUID.fromString(parts[2])));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "churn: recomputing account %s failed", parts[2]);
                }
            }
        }
    }

    private void submit(String tid, UUID accountId) {
        if (accounts.findByIdOptional(accountId).isEmpty()) {
            return;
        }
        Map<String, String> stored = hashes.hgetall(key(tid, accountId));
        long last = Long.parseLong(stored.getOrDefault("lastActivityAt", Long.toString(Instant.now().getEpochSecond())));
        ObjectNode request = mapper.createObjectNode().put("accountId", accountId.toString());
        request.putObject("features")
                .put("closedLost", count(stored, "closedLost"))
                .put("closedWon", count(stored, "closedWon"))
                .put("orders", count(stored, "orders"))
                .put("activities", count(stored, "activities"))
                .put("daysSinceLastActivity", Math.max(0, Instant.now().getEpochSecond() - last) / 86_400.0);
        workers.submit(Workers.AI_CHURN, AccountVerification.SUBJECT, accountId, request);
    }

    /** The feature counter this activity adds to besides {@code activities}, or '' for none. */
    private static String counterOf(AccountActivity activity) {
        return switch (activity.kind()) {
            case OPPORTUNITY_STAGE_CHANGED -> switch (String.valueOf(activity.data().get("toStage"))) {
                case "CLOSED_LOST" -> "closedLost";
                case "CLOSED_WON" -> "closedWon";
                default -> "";
            };
            case SALES_ORDER_CREATED -> "orders";
            default -> "";
        };
    }

    private static int count(Map<String, String> stored, String field) {
        return Integer.parseInt(stored.getOrDefault(field, "0"));
    }
}
