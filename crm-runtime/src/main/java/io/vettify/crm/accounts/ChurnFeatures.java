package io.vettify.crm.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ZAddArgs;
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
            String key = key(activity.tid(), activity.accountId());
            hashes.hincrby(key, "activities", 1);
            hashes.hset(key, "lastActivityAt", Long.toString(Instant.now().getEpochSecond()));
            switch (activity.kind()) {
                case OPPORTUNITY_STAGE_CHANGED -> {
                    Object to = activity.data().get("toStage");
                    if (to != null && "CLOSED_LOST".equals(to.toString())) {
                        hashes.hincrby(key, "closedLost", 1);
                    } else if (to != null && "CLOSED_WON".equals(to.toString())) {
                        hashes.hincrby(key, "closedWon", 1);
                    }
                }
                case SALES_ORDER_CREATED -> hashes.hincrby(key, "orders", 1);
                default -> {
                }
            }
            double when = Instant.now().plus(debounce).toEpochMilli();
            due.zadd(DUE, new ZAddArgs().nx(), when,
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

    private static int count(Map<String, String> stored, String field) {
        return Integer.parseInt(stored.getOrDefault(field, "0"));
    }
}
