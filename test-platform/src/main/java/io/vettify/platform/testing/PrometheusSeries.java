package io.vettify.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoublePredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Series a test serves to the local platform's Prometheus: a small HTTP server on 127.0.0.1 (ephemeral port) whose
 * {@code /metrics} shows the gauges and counters the test sets, in Prometheus' text format.
 *
 * <pre>{@code
 * try (PrometheusSeries series = PrometheusSeries.start()) {
 *     series.gauge("checkout_error_ratio", Map.of("test", id), 0.01);
 *     series.register("checkout-" + id);                        // scrape.d/<job>.yml, every second, then /-/reload
 *     series.awaitIngested("checkout_error_ratio{test=\"" + id + "\"}");
 *     ...                                                       // an AnalysisTemplate queries it
 * }                                                             // close(): the file goes, Prometheus reloads
 * }</pre>
 */
public final class PrometheusSeries implements AutoCloseable {

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern JOB_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,99}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Family(String type, Map<String, Double> samples) {
    }

    private final HttpServer server;
    private final URI prometheus;
    private final Path scrapeDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Family> families = new ConcurrentSkipListMap<>();
    private final AtomicReference<Path> registered = new AtomicReference<>();

    private PrometheusSeries(URI prometheus, Path scrapeDir) throws IOException {
        this.prometheus = prometheus;
        this.scrapeDir = scrapeDir;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = render().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Serves series for the local platform's Prometheus (starts the platform when needed). */
    public static PrometheusSeries start() {
        LocalPlatform.ensureUp();
        return start(LocalPlatform.prometheusUrl(), LocalPlatform.stateDir().resolve("cluster/prometheus/scrape.d"));
    }

    /** Serves series for the Prometheus at {@code prometheus} that reads scrape configurations from {@code scrapeDir}. */
    public static PrometheusSeries start(URI prometheus, Path scrapeDir) {
        try {
            return new PrometheusSeries(prometheus, scrapeDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the series server", e);
        }
    }

    /** Where Prometheus scrapes: {@code http://127.0.0.1:<port>/metrics}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
    }

    /** Sets a gauge sample (name and labels select the series). */
    public PrometheusSeries gauge(String name, Map<String, String> labels, double value) {
        return set("gauge", name, labels, value);
    }

    /** Sets a counter sample; a counter only goes up, which this does not check. */
    public PrometheusSeries counter(String name, Map<String, String> labels, double value) {
        return set("counter", name, labels, value);
    }

    private PrometheusSeries set(String type, String name, Map<String, String> labels, double value) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a metric name: " + name);
        }
        labels.keySet().forEach(label -> {
            if (!LABEL_NAME.matcher(label).matches()) {
                throw new IllegalArgumentException("not a label name: " + label);
            }
        });
        Family family = families.computeIfAbsent(name, n -> new Family(type, new ConcurrentHashMap<>()));
        if (!family.type().equals(type)) {
            throw new IllegalArgumentException(name + " is a " + family.type() + ", not a " + type);
        }
        family.samples().put(labelSet(labels), value);
        return this;
    }

    private static String labelSet(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        return new TreeMap<>(labels).entrySet().stream()
                .map(e -> e.getKey() + "=\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")
                        .replace("\n", "\\n") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** The exposition as Prometheus reads it. */
    public String render() {
        StringBuilder out = new StringBuilder();
        families.forEach((name, family) -> {
            out.append("# TYPE ").append(name).append(' ').append(family.type()).append('\n');
            new TreeMap<>(family.samples()).forEach((labels, value) ->
                    out.append(name).append(labels).append(' ').append(format(value)).append('\n'));
        });
        return out.toString();
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return Double.toString(value);
    }

    /**
     * Makes Prometheus scrape this server every second as job {@code jobName}: writes {@code scrape.d/<job>.yml} and
     * reloads Prometheus (which fails loudly on a bad configuration, e.g. a job name another file uses).
     */
    public PrometheusSeries register(String jobName) {
        if (!JOB_NAME.matcher(jobName).matches()) {
            throw new IllegalArgumentException("job names here are [a-zA-Z0-9_.-], up to 100 characters: " + jobName);
        }
        Path file = scrapeDir.resolve(jobName + ".yml");
        if (!registered.compareAndSet(null, file)) {
            throw new IllegalStateException("already registered as " + registered.get().getFileName());
        }
        String config = """
                # Written by a test (io.vettify.platform.testing.PrometheusSeries); removed when it closes.
                scrape_configs:
                  - job_name: "%s"
                    scrape_interval: 1s
                    scrape_timeout: 1s
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(jobName, server.getAddress().getPort());
        try {
            Files.createDirectories(scrapeDir);
            Path tmp = Files.createTempFile(scrapeDir, "." + jobName, ".tmp");
            Files.writeString(tmp, config);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            registered.set(null);
            throw new UncheckedIOException("cannot write " + file, e);
        }
        reload();
        return this;
    }

    private void reload() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(prometheus.resolve("/-/reload")).timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Prometheus refused to reload (" + response.statusCode() + "): "
                        + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Prometheus at " + prometheus, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first sample's value of an instant query, empty when the query has no result (yet). */
    public OptionalDouble query(String promql) {
        JsonNode result = queryResult(promql);
        if (result.isEmpty()) {
            return OptionalDouble.empty();
        }
        JsonNode first = result.get(0);
        JsonNode value = first.has("value") ? first.get("value") : first;
        return OptionalDouble.of(Double.parseDouble(value.get(1).asText()));
    }

    private JsonNode queryResult(String promql) {
        URI uri = prometheus.resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
                throw new IllegalStateException("query " + promql + " failed (" + response.statusCode() + "): "
                        + response.body());
            }
            JsonNode result = body.path("data").path("result");
            if ("scalar".equals(body.path("data").path("resultType").asText())) {
                return JSON.createArrayNode().add(result);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot query Prometheus at " + prometheus, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to 60 s) until the query has a result in Prometheus. */
    public double awaitIngested(String promql) {
        return awaitIngested(promql, v -> true, Duration.ofSeconds(60));
    }

    /** Waits until the query's first result satisfies {@code condition}, e.g. after a value changed; returns it. */
    public double awaitIngested(String promql, DoublePredicate condition, Duration timeout) {
        AtomicReference<OptionalDouble> last = new AtomicReference<>(OptionalDouble.empty());
        try {
            Awaitility.await("Prometheus has " + promql)
                    .atMost(timeout).pollInterval(Duration.ofMillis(250)).pollInSameThread()
                    .until(() -> {
                        OptionalDouble value = query(promql);
                        last.set(value);
                        return value.isPresent() && condition.test(value.getAsDouble());
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Prometheus at " + prometheus + " did not show " + promql + " within " + timeout
                    + " (last result: " + last.get() + "); the series server at " + url() + " shows:\n" + render(), e);
        }
        return last.get().getAsDouble();
    }

    /** Stops serving; removes the scrape configuration and reloads Prometheus. */
    @Override
    public void close() {
        try {
            Path file = registered.getAndSet(null);
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove " + file, e);
                }
                reload();
            }
        } finally {
            server.stop(0);
        }
    }
}
