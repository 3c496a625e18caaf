package io.vettify.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every answer of one simulation run (one JVM runs one simulation): its latency and status per request name, so
 * the report has percentiles, errors and 5xx per scenario and per request without parsing Gatling's HTML.
 */
final class Recorder {

    /** Status 0 stands for no answer at all (connection refused or reset, timeout). */
    static final int NO_ANSWER = 0;

    private static final Map<String, Series> SERIES = new ConcurrentHashMap<>();

    private Recorder() {
    }

    static void record(String request, long latencyMillis, int status, int expected) {
        Series series = SERIES.computeIfAbsent(request, name -> new Series());
        series.latencies.add(latencyMillis);
        if (status != expected) {
            series.errors.increment();
        }
        if (status >= 500) {
            series.serverErrors.increment();
        }
        if (status == NO_ANSWER) {
            series.noAnswer.increment();
        }
        series.statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** Totals of the whole scenario first, then one entry per request name. */
    static List<Map<String, Object>> summary(double seconds) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Series all = new Series();
        SERIES.values().forEach(all::addAll);
        rows.add(all.summary("all requests", seconds));
        SERIES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> rows.add(e.getValue().summary(e.getKey(), seconds)));
        return rows;
    }

    private static final class Series {
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final LongAdder errors = new LongAdder();
        final LongAdder serverErrors = new LongAdder();
        final LongAdder noAnswer = new LongAdder();
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

        void addAll(Series other) {
            latencies.addAll(other.latencies);
            errors.add(other.errors.sum());
            serverErrors.add(other.serverErrors.sum());
            noAnswer.add(other.noAnswer.sum());
            other.statuses.forEach((status, count) ->
                    statuses.computeIfAbsent(status, s -> new LongAdder()).add(count.sum()));
        }

        Map<String, Object> summary(String name, double seconds) {
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("request", name);
            row.put("count", sorted.length);
            row.put("perSecond", sorted.length / seconds);
            row.put("p50", percentile(sorted, 0.50));
            row.put("p95", percentile(sorted, 0.95));
            row.put("p99", percentile(sorted, 0.99));
            row.put("max", sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
            row.put("errors", errors.sum());
            row.put("serverErrors", serverErrors.sum());
            row.put("noAnswer", noAnswer.sum());
            Map<String, Long> byStatus = new java.util.TreeMap<>();
            statuses.forEach((status, count) -> byStatus.put(String.valueOf(status), count.sum()));
            row.put("statuses", byStatus);
            return row;
        }

        private static long percentile(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }
}
