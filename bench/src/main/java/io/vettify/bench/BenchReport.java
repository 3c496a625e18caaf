package io.vettify.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Puts one run together: data volume, every scenario (throughput, p50/p95/p99, errors, 5xx, runtime CPU and RSS),
 * the raw database limit with and without RLS, the ratios between them and the query plans. Printed and written to
 * report.md in the output directory.
 */
public final class BenchReport {

    private static final List<String> ORDER = List.of("list-leads", "get-lead", "create-lead", "qualify-convert",
            "stage-change", "mixed-flow", "concurrent-users", "database-restart");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder out = new StringBuilder();

    public static void main(String[] args) throws IOException {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        BenchReport report = new BenchReport();
        report.write(settings);
        Files.writeString(settings.outputDir().resolve("report.md"), report.out);
        System.out.println(report.out);
    }

    private void write(BenchSettings settings) throws IOException {
        Path dir = settings.outputDir();
        JsonNode seed = read(dir.resolve("seed.json"));
        JsonNode raw = read(dir.resolve("raw.json"));
        List<JsonNode> scenarios = scenarios(dir);

        line("# Vettify load benchmark — " + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES));
        line("");
        line("Machine: " + Machine.describe() + (raw == null ? "" : ", PostgreSQL " + raw.path("postgres").asText())
                + "; runtime JVM options `" + System.getProperty("bench.javaOpts", "") + "`.");
        if (seed != null) {
            line("Data: %,d tenants (2 warehouses each), %,d leads, %,d accounts, %,d contacts, %,d opportunities; database %s; seeded in %d s."
                    .formatted(seed.path("tenants").asLong(), seed.path("leads").asLong(), seed.path("accounts").asLong(),
                            seed.path("contacts").asLong(), seed.path("opportunities").asLong(),
                            seed.path("databaseSize").asText(), seed.path("seedSeconds").asLong()));
        }
        line("");
        line("## Scenarios (the packaged runtime, bench profile)");
        line("");
        line("| scenario | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | 5xx (client / runtime) | no answer | runtime CPU % of 1 core | runtime RSS max MB | load avg |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (JsonNode scenario : scenarios) {
            JsonNode all = scenario.path("requests").path(0);
            line("| %s | %,d | %.1f | %d | %d | %d | %d | %d | %d / %d | %d | %.0f | %.0f | %s |".formatted(
                    scenario.path("scenario").asText(), all.path("count").asLong(), all.path("perSecond").asDouble(),
                    all.path("p50").asLong(), all.path("p95").asLong(), all.path("p99").asLong(),
                    all.path("max").asLong(), all.path("errors").asLong(), all.path("serverErrors").asLong(),
                    scenario.path("serverErrors").asLong(), all.path("noAnswer").asLong(),
                    scenario.path("cpuPercentOfOneCore").asDouble(), scenario.path("rssMaxMb").asDouble(),
                    scenario.path("loadAverage").asText()));
        }
        line("");
        cpuShares(scenarios);
        line("");
        for (JsonNode scenario : scenarios) {
            line("- **" + scenario.path("scenario").asText() + "**: " + scenario.path("description").asText()
                    + "; " + Math.round(scenario.path("wallSeconds").asDouble()) + " s");
        }
        sloVerdict(scenarios);
        faultVerdict(scenarios);
        line("");
        line("### Per request");
        line("");
        line("| scenario | request | requests | req/s | p50 ms | p95 ms | p99 ms | errors | statuses |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---|");
        for (JsonNode scenario : scenarios) {
            JsonNode requests = scenario.path("requests");
            for (int i = 1; i < requests.size(); i++) {
                JsonNode r = requests.get(i);
                line("| %s | %s | %,d | %.1f | %d | %d | %d | %d | %s |".formatted(scenario.path("scenario").asText(),
                        r.path("request").asText(), r.path("count").asLong(), r.path("perSecond").asDouble(),
                        r.path("p50").asLong(), r.path("p95").asLong(), r.path("p99").asLong(),
                        r.path("errors").asLong(), r.path("statuses").toString().replace("\"", "")));
            }
        }
        if (raw != null) {
            rawSection(raw, scenarios);
        }
    }

    /** The runtime, PostgreSQL and the load generator share the machine's cores: how each scenario divided them. */
    private void cpuShares(List<JsonNode> scenarios) {
        int cores = scenarios.isEmpty() ? 0 : scenarios.get(0).path("cores").asInt();
        line("Where the CPU went (%% of one core; the machine has %d, so %d %% is all of it):".formatted(cores, 100 * cores));
        line("");
        line("| scenario | runtime | PostgreSQL | load generator (Gatling) | whole machine | runtime CPU ms per request |");
        line("|---|---:|---:|---:|---:|---:|");
        for (JsonNode scenario : scenarios) {
            double perSecond = scenario.path("requests").path(0).path("perSecond").asDouble();
            double runtime = scenario.path("cpuPercentOfOneCore").asDouble();
            double postgres = scenario.path("postgresCpuPercentOfOneCore").asDouble();
            line("| %s | %.0f | %s | %.0f | %.0f | %s |".formatted(scenario.path("scenario").asText(), runtime,
                    // a restart replaces every PostgreSQL process: what the old ones spent is gone with them
                    postgres < 0 ? "— (restarted)" : "%.0f".formatted(postgres),
                    scenario.path("loadGeneratorCpuPercentOfOneCore").asDouble(),
                    scenario.path("machineCpuPercentOfOneCore").asDouble(),
                    perSecond > 0 ? "%.2f".formatted(10 * runtime / perSecond) : "—"));
        }
    }

    private void faultVerdict(List<JsonNode> scenarios) {
        for (JsonNode scenario : scenarios) {
            if (!scenario.path("scenario").asText().equals("database-restart")) {
                continue;
            }
            JsonNode all = scenario.path("requests").path(0);
            JsonNode statuses = all.path("statuses");
            long internal = statuses.path("500").asLong();
            line("Database restart under load: statuses %s, %d answers of 500, %d without an answer, slowest answer %d ms, readiness after the run %d: **%s**."
                    .formatted(statuses.toString().replace("\"", ""), internal, all.path("noAnswer").asLong(),
                            all.path("max").asLong(), scenario.path("readyAfterRun").asInt(),
                            onlyExpectedStatuses(statuses) && all.path("noAnswer").asLong() == 0
                                    && scenario.path("readyAfterRun").asInt() == 200
                                    ? "failed fast and recovered" : "see the statuses"));
        }
    }

    /** A restart may only answer what a correct runtime answers: the reads and creates, or 503 while it is away. */
    private static boolean onlyExpectedStatuses(JsonNode statuses) {
        for (var names = statuses.fieldNames(); names.hasNext(); ) {
            if (!List.of("200", "201", "503").contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    private void sloVerdict(List<JsonNode> scenarios) {
        for (JsonNode scenario : scenarios) {
            if (!scenario.path("scenario").asText().equals("concurrent-users")) {
                continue;
            }
            JsonNode all = scenario.path("requests").path(0);
            if (all.path("count").asLong() == 0) {
                line("");
                line("SLO of step 446: **not measured** in this run (no request was recorded; see gatling-ConcurrentUsers.log).");
                continue;
            }
            boolean met = all.path("p95").asLong() < 250 && all.path("serverErrors").asLong() == 0
                    && scenario.path("serverErrors").asLong() == 0;
            line("");
            line("SLO of step 446 (p95 < 250 ms, no 5xx) in this run: **%s** (p95 %d ms, %d 5xx, %d errors of %,d requests)."
                    .formatted(met ? "met" : "NOT met", all.path("p95").asLong(), all.path("serverErrors").asLong(),
                            all.path("errors").asLong(), all.path("count").asLong()));
        }
        for (JsonNode scenario : scenarios) {
            if (!scenario.path("scenario").asText().equals("mixed-flow")) {
                continue;
            }
            JsonNode all = scenario.path("requests").path(0);
            double errorRate = all.path("count").asLong() == 0 ? 1 : all.path("errors").asDouble() / all.path("count").asDouble();
            line("Target of step 399 (100 virtual users, error rate < 1 %%) in this run: **%s** (error rate %.2f %%)."
                    .formatted(errorRate < 0.01 ? "met" : "NOT met", 100 * errorRate));
        }
    }

    private void rawSection(JsonNode raw, List<JsonNode> scenarios) {
        line("");
        line("## The physical limit: the same statements directly on PostgreSQL (%d connections, %d s each)"
                .formatted(raw.path("connections").asInt(), raw.path("secondsPerMeasure").asInt()));
        line("");
        line("| statement | RLS | ops/s | p50 ms | p95 ms | p99 ms |");
        line("|---|---|---:|---:|---:|---:|");
        for (JsonNode r : raw.path("results")) {
            line("| %s | %s | %.0f | %.2f | %.2f | %.2f |".formatted(r.path("name").asText(),
                    r.path("rls").asBoolean() ? "on" : "off", r.path("opsPerSecond").asDouble(),
                    r.path("p50").asDouble(), r.path("p95").asDouble(), r.path("p99").asDouble()));
        }
        line("");
        line("## Ratios");
        line("");
        double rawInsert = rawRate(raw, "insert lead", true);
        double apiCreate = scenarioRate(scenarios, "create-lead");
        if (apiCreate > 0) {
            line("- API create ÷ raw insert (RLS on): %.1f ÷ %.0f = **%.2f**".formatted(apiCreate, rawInsert, apiCreate / rawInsert));
        }
        List<String> lists = List.of("list first page", "list next page", "list status filter", "list q search");
        double rawListMix = lists.size() / lists.stream().mapToDouble(n -> 1 / rawRate(raw, n, true)).sum();
        double apiList = scenarioRate(scenarios, "list-leads");
        if (apiList > 0) {
            line("- API list ÷ raw query (RLS on; the same four queries — first page, next page, status filter, q search — in equal parts): %.1f ÷ %.0f = **%.2f**"
                    .formatted(apiList, rawListMix, apiList / rawListMix));
        }
        for (String name : Stream.concat(Stream.of("insert lead"), lists.stream()).toList()) {
            double on = rawRate(raw, name, true);
            double off = rawRate(raw, name, false);
            line("- RLS on ÷ RLS off, %s: throughput %.0f ÷ %.0f = **%.2f** (RLS costs %.0f %%), p50 %.2f ÷ %.2f ms"
                    .formatted(name, on, off, on / off, 100 * (1 - on / off), rawP50(raw, name, true), rawP50(raw, name, false)));
        }
        line("");
        line("Policy on crm.leads: `" + raw.path("policies").path(0).asText() + "`");
        line("");
        line("## Query plans (EXPLAIN (ANALYZE, BUFFERS), tenant bench-000)");
        raw.path("plans").fields().forEachRemaining(plan -> {
            line("");
            line("**" + plan.getKey() + "**");
            line("");
            line("```");
            out.append(plan.getValue().asText());
            line("```");
        });
    }

    private static double scenarioRate(List<JsonNode> scenarios, String name) {
        return scenarios.stream().filter(s -> s.path("scenario").asText().equals(name))
                .mapToDouble(s -> s.path("requests").path(0).path("perSecond").asDouble()).findFirst().orElse(0);
    }

    private static double rawRate(JsonNode raw, String name, boolean rls) {
        return rawValue(raw, name, rls, "opsPerSecond");
    }

    private static double rawP50(JsonNode raw, String name, boolean rls) {
        return rawValue(raw, name, rls, "p50");
    }

    private static double rawValue(JsonNode raw, String name, boolean rls, String field) {
        for (JsonNode r : raw.path("results")) {
            if (r.path("name").asText().equals(name) && r.path("rls").asBoolean() == rls) {
                return r.path(field).asDouble();
            }
        }
        return Double.NaN;
    }

    private static List<JsonNode> scenarios(Path dir) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        for (String name : ORDER) {
            JsonNode scenario = read(dir.resolve("scenario-" + name + ".json"));
            if (scenario != null) {
                found.add(scenario);
            }
        }
        return found;
    }

    private static JsonNode read(Path file) throws IOException {
        return Files.exists(file) ? JSON.readTree(file.toFile()) : null;
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    /** CPU, memory and software of the machine the run used. */
    static final class Machine {
        static String describe() {
            String cpu = "unknown CPU";
            String memory = "";
            try {
                cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
                memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                        .findFirst().map(l -> "%.0f GiB RAM".formatted(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024))
                        .orElse("");
            } catch (IOException e) {
                // not Linux: leave the defaults
            }
            return String.format(Locale.ROOT, "%d vCPU (%s), %s, %s %s, Java %s", Runtime.getRuntime().availableProcessors(),
                    cpu, memory, System.getProperty("os.name"), System.getProperty("os.version"),
                    System.getProperty("java.version"));
        }
    }
}
