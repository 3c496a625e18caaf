package io.vettify.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vettify.crm.messaging.EventTypes;
import io.vettify.crm.messaging.OutboxRelay;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Database;
import io.vettify.crm.testing.EventTap;
import io.vettify.crm.testing.EventTap.Event;
import io.vettify.crm.testing.LocalServicesResource;
import io.vettify.crm.testing.TestTokens;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Measures the outbox (PRODUCT.md §6), it does not test it: excluded from {@code ./vettify test}, run by
 * {@code ./vettify bench outbox}. Against the real local PostgreSQL and RabbitMQ on loopback; bounded in count and
 * time. Results are printed one per line, prefixed {@code [bench]}, and appended to
 * {@code target/benchmarks/outbox.txt}.
 *
 * <ol>
 *   <li>Relay throughput: {@value #EVENTS} events are inserted into the outbox in one transaction (as the schema
 *       owner, like a burst of committed changes), and the time until every one is marked published (confirmed
 *       by the broker) gives events/s: {@value #RUNS} runs with the relay driven continuously from the benchmark
 *       ({@code publishPending()} in a loop: what the relay can do), then one run with the scheduled relay alone
 *       (what the runtime does as configured). Each run also counts the messages that reached a consumer queue,
 *       duplicates included.</li>
 *   <li>End-to-end latency: {@value #LEADS} leads created through the API one after another; for each, the time
 *       from the API's 201 (the change is committed) to a consumer queue receiving its {@code crm.lead.created}.
 *       Sequential: the next lead is created once the previous event arrived (EventTap). Stream: the leads are
 *       created back to back and a queue stamps each arrival, so the commits fall at random points of the
 *       relay's polling period.</li>
 * </ol>
 */
@QuarkusTest
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxBenchmark {

    static final int EVENTS = 5_000;
    static final int WARM_UP_EVENTS = 1_000;
    static final int RUNS = 5;
    static final int LEADS = 200;
    static final int WARM_UP_LEADS = 20;
    private static final Duration RELAY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry registry;

    @TestHTTPResource("/v1/crm/leads")
    URI leads;

    private final String tenant = Api.newTenant();
    private final String token = TestTokens.token(tenant, null, Api.ALL_SCOPES);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    @Order(1)
    void relayThroughput() throws SQLException {
        try (EventTap tap = EventTap.bind(EventTypes.LEAD_CREATED)) {
            relayRun("warm-up (driven)", WARM_UP_EVENTS, true, tap);
            List<Run> runs = new ArrayList<>();
            for (int run = 1; run <= RUNS; run++) {
                runs.add(relayRun("driven run " + run, EVENTS, true, tap));
            }
            Run scheduled = relayRun("scheduled relay alone", EVENTS, false, tap);
            List<Double> all = runs.stream().map(Run::rate).sorted().toList();
            List<Double> clean = runs.stream().filter(r -> r.failedEvents() == 0).map(Run::rate).sorted().toList();
            report(String.format(Locale.ROOT, "relay throughput (driven, %d runs of %d events): median %.0f events/s"
                    + " published with confirms, range %.0f-%.0f; runs without a failed batch: %s; scheduled relay"
                    + " alone: %.0f events/s%s", RUNS, EVENTS, median(all), all.get(0), all.get(all.size() - 1),
                    clean.isEmpty() ? "none" : String.format(Locale.ROOT, "%d, median %.0f events/s", clean.size(),
                            median(clean)),
                    scheduled.rate(), scheduled.failedEvents() == 0 ? "" : " (with failed batches)"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(2)
    void endToEndLatencySequential() throws IOException {
        try (EventTap tap = EventTap.bind(EventTypes.LEAD_CREATED)) {
            for (int i = 0; i < WARM_UP_LEADS; i++) {
                createAndReceive(tap, "warm-" + i);
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < LEADS; i++) {
                millis.add(createAndReceive(tap, "seq-" + i) / 1e6);
            }
            reportLatency("sequential, each lead after the previous event arrived", millis);
        }
    }

    @Test
    @Order(3)
    void endToEndLatencyStream() throws Exception {
        try (StampedTap tap = new StampedTap(EventTypes.LEAD_CREATED)) {
            Map<String, Long> created = new LinkedHashMap<>();
            for (int i = 0; i < LEADS; i++) {
                Created lead = createLead("stream-" + i);
                created.put(lead.leadId(), lead.nanos());
            }
            Map<String, Long> arrived = tap.arrivals(tenant, created.keySet(), Duration.ofSeconds(30));
            List<Double> millis = new ArrayList<>();
            created.forEach((lead, at) -> millis.add((arrived.get(lead) - at) / 1e6));
            reportLatency("stream, " + LEADS + " leads back to back", millis);
        }
    }

    private void reportLatency(String mode, List<Double> millis) {
        Collections.sort(millis);
        double mean = millis.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        report(String.format(Locale.ROOT, "end-to-end latency API 201 -> consumer queue (%s, n=%d): p50 %.1f ms,"
                + " p95 %.1f ms, max %.1f ms, mean %.1f ms, min %.1f ms", mode, millis.size(),
                percentile(millis, 50), percentile(millis, 95), millis.get(millis.size() - 1), mean, millis.get(0)));
    }

    /**
     * One burst: inserts, lets the relay publish, waits until all are marked published.
     *
     * @param driven also call {@code publishPending()} in a loop until the burst is out (otherwise only the
     *     scheduled relay publishes)
     */
    private Run relayRun(String name, int count, boolean driven, EventTap tap) throws SQLException {
        String correlation = "bench-" + UUID.randomUUID();
        double failuresBefore = publishFailures();
        long start;
        long elapsed;
        Instant committed;
        // One monitoring connection for the whole run, so that watching costs the database as little as possible.
        try (Connection monitor = Database.connect("vettify_owner")) {
            assertThat(pending(monitor, null)).as("outbox backlog before the run").isLessThan(1_000);
            committed = insert(count, correlation);
            start = System.nanoTime();
            long deadline = start + RELAY_TIMEOUT.toNanos();
            if (driven) {
                while (pending(monitor, correlation) > 0 && System.nanoTime() < deadline) {
                    relay.publishPending();
                }
            }
            await().atMost(RELAY_TIMEOUT).pollInterval(Duration.ofMillis(10))
                    .until(() -> pending(monitor, correlation) == 0);
            elapsed = System.nanoTime() - start;
        }
        double rate = count / (elapsed / 1e9);

        Set<String> distinct = new HashSet<>();
        List<Event> events = tap.until(e -> correlation.equals(e.header("x-corr-id")),
                e -> distinct.add(e.header("ce-id")) && distinct.size() == count, RELAY_TIMEOUT);
        long delivered = System.nanoTime() - start;
        assertThat(distinct).hasSize(count);

        double failedEvents = publishFailures() - failuresBefore;
        Object[] window = publishedWindow(correlation);
        long others = publishedBetweenByOthers(correlation, (Timestamp) window[0], (Timestamp) window[1]);
        report(String.format(Locale.ROOT, "relay %s: %d events published with confirms in %.0f ms = %.0f events/s"
                        + " (all on a consumer queue after %.0f ms, duplicate deliveries seen: %d, events of failed"
                        + " batches: %.0f; first batch confirmed %.0f ms after commit; other tenants' events"
                        + " published meanwhile: %d)",
                name, count, elapsed / 1e6, rate, delivered / 1e6, events.size() - count, failedEvents,
                Duration.between(committed, ((Timestamp) window[0]).toInstant()).toNanos() / 1e6, others));
        return new Run(rate, failedEvents);
    }

    /** Events/s of a relay run, and how many events were in batches that failed (and were published again). */
    private record Run(double rate, double failedEvents) {
    }

    private static double median(List<Double> sorted) {
        return percentile(sorted, 50);
    }

    /** A lead created through the API, and when its 201 arrived (stamped before anything else is done with it). */
    private record Created(String leadId, long nanos) {
    }

    /** Creates a lead with the JDK's HTTP client, so that the 201 is stamped the moment it arrives. */
    private Created createLead(String name) {
        HttpRequest request = HttpRequest.newBuilder(leads)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + name + "@bench.example\","
                        + "\"company\":\"Bench " + name + "\"}"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return new Created(JsonPath.from(response.body()).getString("id"), nanos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private long createAndReceive(EventTap tap, String name) {
        Created created = createLead(name);
        tap.until(e -> tenant.equals(e.header("tid")), e -> e.body().contains(created.leadId()), EVENT_TIMEOUT);
        return System.nanoTime() - created.nanos();
    }

    private Instant insert(int count, String correlation) throws SQLException {
        try (Connection db = Database.connect("vettify_owner");
                PreparedStatement insert = db.prepareStatement("""
                        INSERT INTO crm_messaging.outbox (id, tid, event_type, aggregate_type, aggregate_id, payload,
                                                          correlation_id, traceparent, occurred_at)
                        SELECT gen_random_uuid(), ?, 'crm.lead.created', 'lead', lead.id,
                               jsonb_build_object('leadId', lead.id, 'source', 'WEB', 'status', 'NEW', 'score', 0,
                                   'company', 'Bench SRL', 'cui', NULL,
                                   'createdAt', to_char(clock_timestamp() AT TIME ZONE 'UTC',
                                                        'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
                               ?, '00-' || md5(lead.id::text) || '-' || left(md5(?::text), 16) || '-01',
                               clock_timestamp()
                        FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, ?)) lead""")) {
            db.setAutoCommit(false);
            insert.setString(1, tenant);
            insert.setString(2, correlation);
            insert.setString(3, correlation);
            insert.setInt(4, count);
            assertThat(insert.executeUpdate()).isEqualTo(count);
            db.commit();
            return Instant.now();
        }
    }

    /** Pending events of this benchmark (a run's correlation id), or of every tenant (null). */
    private long pending(Connection db, String correlation) throws SQLException {
        String sql = "SELECT count(*) FROM crm_messaging.outbox WHERE published_at IS NULL"
                + (correlation == null ? "" : " AND tid = ? AND correlation_id = ?");
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (correlation != null) {
                query.setString(1, tenant);
                query.setString(2, correlation);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Object[] publishedWindow(String correlation) throws SQLException {
        try (Connection db = Database.connect("vettify_owner"); PreparedStatement query = db.prepareStatement(
                "SELECT min(published_at), max(published_at) FROM crm_messaging.outbox WHERE tid = ? AND correlation_id = ?")) {
            query.setString(1, tenant);
            query.setString(2, correlation);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return new Object[] {rs.getTimestamp(1), rs.getTimestamp(2)};
            }
        }
    }

    private long publishedBetweenByOthers(String correlation, Timestamp from, Timestamp to) throws SQLException {
        try (Connection db = Database.connect("vettify_owner"); PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM crm_messaging.outbox WHERE published_at BETWEEN ? AND ?"
                        + " AND correlation_id <> ?")) {
            query.setTimestamp(1, from);
            query.setTimestamp(2, to);
            query.setString(3, correlation);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Events of failed relay batches so far (the relay's vettify.outbox.publish.failures counters). */
    private double publishFailures() {
        return registry.find("vettify.outbox.publish.failures").counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static void report(String line) {
        System.out.println("[bench] " + line);
        try {
            Path file = Path.of("target", "benchmarks", "outbox.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, Instant.now() + " " + line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[bench] (could not write target/benchmarks/outbox.txt: " + e.getMessage() + ")");
        }
    }

    /** Like EventTap, a queue of its own bound to the events exchange, but it stamps each arrival's time. */
    private static final class StampedTap implements AutoCloseable {

        private record Arrival(long nanos, String tid, String body) {
        }

        private final com.rabbitmq.client.Connection connection;
        private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();

        StampedTap(String routingKey) throws IOException, TimeoutException {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost("127.0.0.1");
            factory.setPort(LocalServicesResource.amqpPort());
            connection = factory.newConnection("vettify-bench-tap");
            Channel channel = connection.createChannel();
            channel.exchangeDeclare("vettify.events", "topic", true);
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, "vettify.events", routingKey);
            channel.basicConsume(queue, true, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                        byte[] body) {
                    long now = System.nanoTime();
                    Object tid = properties.getHeaders() == null ? null : properties.getHeaders().get("tid");
                    arrivals.add(new Arrival(now, String.valueOf(tid), new String(body, StandardCharsets.UTF_8)));
                }
            });
        }

        /** When each of the given leads' events arrived; fails when one has not arrived within the timeout. */
        Map<String, Long> arrivals(String tenant, Set<String> leads, Duration timeout) throws InterruptedException {
            Map<String, Long> arrived = new HashMap<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (arrived.size() < leads.size()) {
                Arrival arrival = arrivals.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (arrival == null) {
                    throw new AssertionError(arrived.size() + " of " + leads.size() + " events within " + timeout);
                }
                if (tenant.equals(arrival.tid())) {
                    String lead = JsonPath.from(arrival.body()).getString("leadId");
                    if (leads.contains(lead)) {
                        arrived.putIfAbsent(lead, arrival.nanos());
                    }
                }
            }
            return arrived;
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }
    }

    /** The benchmark's published rows would only wait for the retention period: remove them now. */
    @AfterAll
    void removeBenchmarkEvents() throws SQLException {
        try (Connection db = Database.connect("vettify_owner"); PreparedStatement delete = db.prepareStatement(
                "DELETE FROM crm_messaging.outbox WHERE tid = ? AND published_at IS NOT NULL")) {
            delete.setString(1, tenant);
            delete.executeUpdate();
        }
    }
}
