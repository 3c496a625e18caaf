package io.vettify.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;

/**
 * The physical limit: the API's own single-row lead insert and its list queries run directly on the same PostgreSQL
 * by a JDBC loop with as many connections as the load has users, each once as the runtime role under row-level
 * security (tenant bound with set_config, the policy filters) and once as a role with BYPASSRLS that filters by
 * tid/whid itself. Writes throughput, latency percentiles and EXPLAIN (ANALYZE, BUFFERS) plans to raw.json.
 */
public final class RawDatabaseLimit {

    static final String NO_RLS_ROLE = "vettify_bench_norls";

    /** The columns Hibernate reads for a lead, in the statements it generates. */
    private static final String LEAD_COLUMNS = "id, company, converted_account_id, converted_at, converted_contact_id, "
            + "converted_opportunity_id, created_at, cui, email, first_name, last_name, score, source, status, "
            + "updated_at, version, whid";
    private static final String INSERT = "INSERT INTO crm.leads (company, converted_account_id, converted_at, "
            + "converted_contact_id, converted_opportunity_id, created_at, cui, email, first_name, last_name, score, "
            + "source, status, updated_at, version, whid, id) VALUES (?, NULL, NULL, NULL, NULL, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?)";
    /** The runtime's keyset condition (ListQuery): a row-value comparison. */
    private static final String KEYSET = "(created_at, id) < (?, ?)";
    private static final String SEARCH = "(lower(first_name) LIKE ? ESCAPE '\\' OR lower(last_name) LIKE ? ESCAPE '\\' "
            + "OR lower(email) LIKE ? ESCAPE '\\' OR lower(company) LIKE ? ESCAPE '\\' OR lower(cui) LIKE ? ESCAPE '\\')";

    private final BenchSettings settings;
    private final String noRlsPassword = UUID.randomUUID().toString();

    private RawDatabaseLimit(BenchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        new RawDatabaseLimit(settings).run();
    }

    private void run() throws Exception {
        createNoRlsRole();
        List<Map<String, Object>> results = new ArrayList<>();
        for (Query query : queries()) {
            measure(query, true, Duration.ofSeconds(2)); // warm-up: caches and plans, not reported
            measure(query, false, Duration.ofSeconds(2));
            Map<Boolean, Samples> samples = new HashMap<>();
            // In ABBA order, so that the machine's drift during the pair (autovacuum, checkpoints, other processes)
            // weighs on both variants alike; each variant runs half of the duration in all.
            for (boolean rls : new boolean[] {true, false, false, true}) {
                samples.merge(rls, measure(query, rls, settings.duration().dividedBy(4)), Samples::plus);
            }
            for (boolean rls : new boolean[] {true, false}) {
                Map<String, Object> result = samples.get(rls).summary(query.name(), rls);
                results.add(result);
                System.out.printf("[bench] raw %-22s RLS %-3s %8.0f ops/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms%n",
                        query.name(), rls ? "on" : "off", result.get("opsPerSecond"), result.get("p50"),
                        result.get("p95"), result.get("p99"));
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("postgres", serverVersion());
        report.put("connections", settings.users());
        report.put("secondsPerMeasure", settings.duration().toSeconds() / 2);
        report.put("results", results);
        report.put("plans", plans());
        report.put("policies", policies());
        Files.createDirectories(settings.outputDir());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(settings.outputDir().resolve("raw.json").toFile(), report);
    }

    private void createNoRlsRole() throws SQLException {
        try (Connection superuser = superuser(); Statement statement = superuser.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + NO_RLS_ROLE
                    + "') THEN CREATE ROLE " + NO_RLS_ROLE + " LOGIN BYPASSRLS; END IF; END $$");
            statement.execute("ALTER ROLE " + NO_RLS_ROLE + " PASSWORD '" + noRlsPassword + "'");
            statement.execute("GRANT CONNECT ON DATABASE vettify_bench TO " + NO_RLS_ROLE);
            statement.execute("GRANT USAGE ON SCHEMA crm TO " + NO_RLS_ROLE);
            statement.execute("GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA crm TO " + NO_RLS_ROLE);
        }
    }

    /** One measured operation: what it runs on a connection, with the tenant bound (RLS) or passed (no RLS). */
    interface Operation {
        void run(Connection connection, String tenant, boolean rls) throws SQLException;
    }

    record Query(String name, Operation operation, String explainSql) {
    }

    private List<Query> queries() {
        Instant middle = Instant.parse("2025-06-01T00:00:00Z").plusSeconds(settings.leadsPerTenant() / 2);
        return List.of(
                new Query("insert lead", this::insertLead, null),
                new Query("list first page", (c, t, rls) -> list(c, t, rls, "", List.of()),
                        listSql(true, "")),
                new Query("list next page", (c, t, rls) -> list(c, t, rls, KEYSET,
                        List.of(Timestamp.from(middle), new UUID(-1L, -1L))),
                        listSql(true, KEYSET)),
                new Query("list status filter", (c, t, rls) -> list(c, t, rls, "status = ?", List.of("NEW")),
                        listSql(true, "status = ?")),
                new Query("list q search", (c, t, rls) -> list(c, t, rls, SEARCH, searchParameters()),
                        listSql(true, SEARCH)));
    }

    private static List<Object> searchParameters() {
        return java.util.Collections.nCopies(5, "%popescu%");
    }

    private void insertLead(Connection connection, String tenant, boolean rls) throws SQLException {
        bind(connection, tenant);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setString(1, "Raw SRL");
            insert.setTimestamp(2, now);
            insert.setString(3, "raw-" + UUID.randomUUID() + "@bench.example");
            insert.setString(4, "Ana");
            insert.setString(5, "Raw");
            insert.setInt(6, 20);
            insert.setString(7, "WEB");
            insert.setString(8, "NEW");
            insert.setTimestamp(9, now);
            insert.setObject(10, UUID.randomUUID());
            insert.executeUpdate();
        }
        connection.commit();
    }

    private void list(Connection connection, String tenant, boolean rls, String condition, List<Object> parameters)
            throws SQLException {
        bind(connection, tenant);
        try (PreparedStatement select = connection.prepareStatement(listSql(rls, condition))) {
            int index = 1;
            if (!rls) {
                select.setString(index++, tenant);
                select.setString(index++, "");
            }
            for (Object parameter : parameters) {
                select.setObject(index++, parameter);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    rows.getString(1);
                }
            }
        }
        connection.commit();
    }

    /** The list statement: under RLS the policy scopes it; without, the same scope is written out. */
    private static String listSql(boolean rls, String condition) {
        List<String> where = new ArrayList<>();
        if (!rls) {
            where.add("tid = ? AND (whid = ? OR whid IS NULL)");
        }
        if (!condition.isEmpty()) {
            where.add(condition);
        }
        return "SELECT " + LEAD_COLUMNS + " FROM crm.leads" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY created_at DESC, id DESC LIMIT 51";
    }

    /** Both variants bind the tenant the same way (the insert's tid default reads it), so only RLS differs. */
    private static void bind(Connection connection, String tenant) throws SQLException {
        BenchSeed.bind(connection, tenant, null);
    }

    private Samples measure(Query query, boolean rls, Duration duration) throws Exception {
        int threads = settings.users();
        long durationNanos = duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            long start = System.nanoTime();
            long end = start + durationNanos;
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    try (Connection connection = rls ? connect("vettify_app", settings.appPassword())
                            : connect(NO_RLS_ROLE, noRlsPassword)) {
                        connection.setAutoCommit(false);
                        while (System.nanoTime() < end) {
                            String tenant = BenchSettings.tenant(ThreadLocalRandom.current().nextInt(settings.tenants()));
                            long before = System.nanoTime();
                            query.operation().run(connection, tenant, rls);
                            latencies.add(System.nanoTime() - before);
                        }
                    }
                    return latencies.stream().mapToLong(Long::longValue).toArray();
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> future : futures) {
                all.add(future.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Samples(all.stream().flatMapToLong(Arrays::stream).toArray(), seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Latencies (ns) of the operations measured and the seconds they took, over one or more rounds. */
    record Samples(long[] latencies, double seconds) {

        Samples plus(Samples other) {
            return new Samples(LongStream.concat(Arrays.stream(latencies), Arrays.stream(other.latencies)).toArray(),
                    seconds + other.seconds);
        }

        Map<String, Object> summary(String name, boolean rls) {
            long[] sorted = Arrays.stream(latencies).sorted().toArray();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", name);
            result.put("rls", rls);
            result.put("operations", sorted.length);
            result.put("opsPerSecond", sorted.length / seconds);
            result.put("p50", percentile(sorted, 0.50));
            result.put("p95", percentile(sorted, 0.95));
            result.put("p99", percentile(sorted, 0.99));
            return result;
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of every list statement with and without RLS, for tenant bench-000. */
    private Map<String, String> plans() throws SQLException {
        Map<String, String> plans = new LinkedHashMap<>();
        String tenant = BenchSettings.tenant(0);
        for (Query query : queries()) {
            if (query.explainSql() == null) {
                continue;
            }
            for (boolean rls : new boolean[] {true, false}) {
                try (Connection connection = rls ? connect("vettify_app", settings.appPassword())
                        : connect(NO_RLS_ROLE, noRlsPassword)) {
                    connection.setAutoCommit(false);
                    bind(connection, tenant);
                    String condition = query.explainSql().contains("WHERE ")
                            ? query.explainSql().substring(query.explainSql().indexOf("WHERE ") + 6,
                                    query.explainSql().indexOf(" ORDER BY"))
                            : "";
                    try (PreparedStatement explain = connection.prepareStatement(
                            "EXPLAIN (ANALYZE, BUFFERS) " + listSql(rls, condition))) {
                        int index = 1;
                        if (!rls) {
                            explain.setString(index++, tenant);
                            explain.setString(index++, "");
                        }
                        for (Object parameter : parameters(query.name())) {
                            explain.setObject(index++, parameter);
                        }
                        StringBuilder plan = new StringBuilder();
                        try (ResultSet rows = explain.executeQuery()) {
                            while (rows.next()) {
                                plan.append(rows.getString(1)).append('\n');
                            }
                        }
                        plans.put(query.name() + (rls ? " (RLS on)" : " (RLS off)"), plan.toString());
                    }
                    connection.rollback();
                }
            }
        }
        return plans;
    }

    private List<Object> parameters(String query) {
        Instant middle = Instant.parse("2025-06-01T00:00:00Z").plusSeconds(settings.leadsPerTenant() / 2);
        return switch (query) {
            case "list next page" -> List.of(Timestamp.from(middle), new UUID(-1L, -1L));
            case "list status filter" -> List.of("NEW");
            case "list q search" -> searchParameters();
            default -> List.of();
        };
    }

    private List<String> policies() throws SQLException {
        List<String> policies = new ArrayList<>();
        try (Connection superuser = superuser(); Statement statement = superuser.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT tablename || ': USING ' || qual FROM pg_policies WHERE schemaname = 'crm' AND tablename = 'leads'")) {
            while (rows.next()) {
                policies.add(rows.getString(1));
            }
        }
        return policies;
    }

    private String serverVersion() throws SQLException {
        try (Connection superuser = superuser(); Statement statement = superuser.createStatement();
                ResultSet rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private Connection superuser() throws SQLException {
        return connect("postgres", settings.superuserPassword());
    }

    private Connection connect(String user, String password) throws SQLException {
        return Database.connect(settings.jdbcUrl(), user, password);
    }
}
