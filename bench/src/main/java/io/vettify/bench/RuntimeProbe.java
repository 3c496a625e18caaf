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
import java.util.stream.Stream;

/**
 * What the runtime process does while a scenario runs: CPU time and resident memory from /proc (sampled every
 * 250 ms); where the rest of the machine's CPU went (PostgreSQL's processes, this load generator, the machine's busy
 * time), since all of them share the same cores; and the 5xx answers it counted itself (Micrometer's http_server_requests_seconds_count at /q/metrics),
 * so a server error is counted even when the load tool saw a timeout.
 */
public final class RuntimeProbe {

    private static final long CLOCK_TICKS_PER_SECOND = 100;
    /** A series of 5xx answers; label values may hold braces (uri="/v1/crm/leads/{id}"), so quoted values are skipped whole. */
    private static final Pattern SERVER_ERRORS = Pattern.compile(
            "^http_server_requests_seconds_count\\{(?:[^\"}]|\"[^\"]*\")*status=\"5\\d\\d\"(?:[^\"}]|\"[^\"]*\")*} ([0-9.eE+]+)$",
            Pattern.MULTILINE);

    private final BenchSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean sampling;
    private Thread sampler;
    private long maxRssKb;
    private long rssSum;
    private long rssSamples;
    private long cpuTicksBefore;
    private long postgresTicksBefore;
    private long loadGeneratorTicksBefore;
    private long machineBusyTicksBefore;
    private long nanosBefore;
    private double serverErrorsBefore;

    public RuntimeProbe(BenchSettings settings) {
        this.settings = settings;
    }

    public void start() {
        cpuTicksBefore = cpuTicks();
        postgresTicksBefore = postgresTicks();
        loadGeneratorTicksBefore = ticksOf(Path.of("/proc/self/stat"));
        machineBusyTicksBefore = machineBusyTicks();
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
        probe.put("postgresCpuPercentOfOneCore", percentOfOneCore(postgresTicks() - postgresTicksBefore, seconds));
        probe.put("loadGeneratorCpuPercentOfOneCore",
                percentOfOneCore(ticksOf(Path.of("/proc/self/stat")) - loadGeneratorTicksBefore, seconds));
        probe.put("machineCpuPercentOfOneCore", percentOfOneCore(machineBusyTicks() - machineBusyTicksBefore, seconds));
        probe.put("cores", Runtime.getRuntime().availableProcessors());
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
        return ticksOf(Path.of("/proc", String.valueOf(settings.runtimePid()), "stat"));
    }

    /** User plus system CPU ticks of one process, from its /proc/&lt;pid&gt;/stat (0 when it is gone). */
    private static long ticksOf(Path statFile) {
        String stat = read(statFile);
        if (stat.isEmpty()) {
            return 0;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }

    /**
     * The ticks of every PostgreSQL process now alive (postmaster, backends, background workers). Backends live as
     * long as the pool's connections, so a scenario's difference is what PostgreSQL spent on it.
     */
    private static long postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(dir -> read(dir.resolve("comm")).strip().equals("postgres"))
                    .mapToLong(dir -> ticksOf(dir.resolve("stat")))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Busy ticks of all cores together: everything but idle and I/O wait, from the first line of /proc/stat. */
    private static long machineBusyTicks() {
        String[] cpu = read(Path.of("/proc/stat")).split("\n", 2)[0].trim().split("\s+");
        long busy = 0;
        for (int i = 1; i < cpu.length && i <= 7; i++) { // user nice system idle iowait irq softirq
            if (i != 4 && i != 5) { // idle, iowait
                busy += Long.parseLong(cpu[i]);
            }
        }
        return busy;
    }

    private static double percentOfOneCore(long ticks, double seconds) {
        return 100.0 * ticks / CLOCK_TICKS_PER_SECOND / seconds;
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
