package io.vettify.bench;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * A benchmark scenario against the packaged runtime: the same HTTP protocol for all, and a {@link RuntimeProbe}
 * around the run (CPU, RSS and 5xx of the runtime process during exactly this scenario).
 */
public abstract class CrmSimulation extends Simulation {

    protected static final BenchSettings SETTINGS = BenchSettings.fromSystemProperties();

    private final RuntimeProbe probe = new RuntimeProbe(SETTINGS);

    /** Keep-alive connections shared by the virtual users, like a pool of clients (no TLS: loopback). */
    protected static HttpProtocolBuilder sharedConnections() {
        return http.baseUrl(SETTINGS.baseUrl())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .shareConnections();
    }

    /** Each virtual user has its own connection, like separate browsers. */
    protected static HttpProtocolBuilder connectionPerUser() {
        return http.baseUrl(SETTINGS.baseUrl())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json");
    }

    protected abstract String scenarioName();

    protected abstract String description();

    private long startedNanos;

    @Override
    public void before() {
        probe.start();
        startedNanos = System.nanoTime();
        try {
            // tells ./vettify bench that the load is running (the database restart waits for it)
            Files.createDirectories(SETTINGS.outputDir());
            Files.writeString(SETTINGS.outputDir().resolve("started-" + scenarioName()), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void after() {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        probe.stop(scenarioName(), description(), Recorder.summary(seconds));
    }
}
