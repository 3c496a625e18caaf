package io.vettify.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the runtime process does while a scenario runs: CPU time and resident memory from /proc (sampled every
 * 250 ms), and the 5xx answers it counted itself (Micrometer's http_server_requests_seconds_count at /q/metrics),
 * so a server error is counted even when the load tool saw a timeout.
 */
public final class RuntimeProbe {

    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final Pattern SERVER_ERRORS = Pattern.compile(
            "http_server_requests_seconds_count\\{[^}]*status=\"5\\d\\d\"[^}]*} ([0-9.eE+]+)");

    private final BenchSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean sampling;
    private Thread sampler;
    private long maxRssKb;
    private long rssSum;
    private long rssSamples;
    private long cpuTicksBefore;
    private long nanosBefore;
    private double serverErrorsBefore;

    public RuntimeProbe(BenchSettings settings) {
        this.settings = settings;
    }

    public void start() {
        cpuTicksBefore = cpuTicks();
        serverErrorsBefore = serverErrors();
        nanosBefore = System.nanoTime();
        sampling = true;
        sampler = new Thread(() -> {
            while (sampling) {
                long rss = rssKb();
                synchronized (this) {
                    maxRssKb = Math.max(maxRssKb, rss);
                    rssSum += rss;
                    rssSamples++;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "runtime-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling and writes scenario-&lt;name&gt;.json (the load tool's results and the runtime's figures). */
    public void stop(String scenario, String description, List<Map<String, Object>> requests) {
        sampling = false;
        sampler.interrupt();
        double seconds = (System.nanoTime() - nanosBefore) / 1e9;
        double cpuSeconds = (cpuTicks() - cpuTicksBefore) / (double) CLOCK_TICKS_PER_SECOND;
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("scenario", scenario);
        probe.put("description", description);
        probe.put("wallSeconds", seconds);
        probe.put("cpuPercentOfOneCore", 100 * cpuSeconds / seconds);
        synchronized (this) {
            probe.put("rssMaxMb", maxRssKb / 1024.0);
            probe.put("rssMeanMb", rssSamples == 0 ? 0 : rssSum / (double) rssSamples / 1024.0);
        }
        probe.put("serverErrors", Math.round(serverErrors() - serverErrorsBefore));
        probe.put("readyAfterRun", readiness());
        probe.put("loadAverage", loadAverage());
        probe.put("requests", requests);
        try {
            Files.createDirectories(settings.outputDir());
            new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValue(settings.outputDir().resolve("scenario-" + scenario + ".json").toFile(), probe);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long cpuTicks() {
        String stat = read(Path.of("/proc", String.valueOf(settings.runtimePid()), "stat"));
        if (stat.isEmpty()) {
            return 0;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }

    private long rssKb() {
        for (String line : read(Path.of("/proc", String.valueOf(settings.runtimePid()), "status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    private double serverErrors() {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            double total = 0;
            Matcher m = SERVER_ERRORS.matcher(metrics);
            while (m.find()) {
                total += Double.parseDouble(m.group(1));
            }
            return total;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The runtime's readiness status code once the scenario is over (200 = it recovered by itself). */
    private int readiness() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String loadAverage() {
        String load = read(Path.of("/proc/loadavg"));
        return load.isEmpty() ? "" : String.join(" ", java.util.Arrays.copyOf(load.split(" "), 3));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            return "";
        }
    }
}
