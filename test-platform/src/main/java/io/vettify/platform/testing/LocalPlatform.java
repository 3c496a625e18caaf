package io.vettify.platform.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The local platform of {@code scripts/cluster.sh} as tests see it: a container-free Kubernetes (kwok nodes) with Argo
 * Rollouts, External Secrets, Prometheus and MinIO, all on loopback.
 *
 * <p>{@link #ensureUp()} starts it (once per JVM, thread-safe) with {@code scripts/cluster.sh up} when it is not
 * answering — building what is missing on a fresh machine. The state directory is {@code $VETTIFY_STATE} (the system
 * property {@code vettify.state} wins) or {@code <repo>/.vettify}, where {@code <repo>} is the first directory above
 * the working directory that holds the {@code vettify} script. Ports follow the script's {@code VETTIFY_*_PORT}
 * overrides from the environment.
 */
public final class LocalPlatform {

    /** The fake {@code ClusterSecretStore} that {@code cluster up} creates. */
    public static final String SECRET_STORE = "vettify-local";

    private static final ResourceDefinitionContext CLUSTER_SECRET_STORE = new ResourceDefinitionContext.Builder()
            .withGroup("external-secrets.io").withVersion("v1").withKind("ClusterSecretStore")
            .withPlural("clustersecretstores").withNamespaced(false).build();

    /** A cold build of every component takes about 27 min on 2 cores; {@code up} itself about 20 s. */
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(Long.getLong("vettify.platform.up-timeout-minutes", 60));

    /** MinIO alone is built from the Go module proxy on a fresh machine (a few minutes), then starts in seconds. */
    private static final Duration MINIO_UP_TIMEOUT = Duration.ofMinutes(20);

    private static final Object LOCK = new Object();
    private static volatile boolean up;
    private static volatile boolean minioUp;
    private static volatile KubernetesClient client;

    private LocalPlatform() {
    }

    // ------------------------------------------------------------------------------------------------ locations

    /** The repository: the first directory from the working directory upwards that holds the {@code vettify} script. */
    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("vettify")) && Files.isRegularFile(d.resolve("scripts/cluster.sh"))) {
                return d;
            }
        }
        throw new IllegalStateException("no directory above " + dir + " holds the vettify script and scripts/cluster.sh");
    }

    /** {@code $VETTIFY_STATE} (or the system property {@code vettify.state}), else {@code <repo>/.vettify}. */
    public static Path stateDir() {
        String state = System.getProperty("vettify.state", System.getenv("VETTIFY_STATE"));
        return state == null || state.isBlank() ? repoRoot().resolve(".vettify") : Path.of(state).toAbsolutePath();
    }

    /** The script that builds, starts and stops the platform. */
    public static Path clusterScript() {
        return repoRoot().resolve("scripts/cluster.sh");
    }

    /** The administrator's kubeconfig that {@code cluster up} writes (group {@code system:masters}). */
    public static Path kubeconfig() {
        return stateDir().resolve("cluster/kubeconfig");
    }

    /** Prometheus' HTTP API (no web UI), e.g. {@code http://127.0.0.1:16390}. */
    public static URI prometheusUrl() {
        return URI.create("http://127.0.0.1:" + port("VETTIFY_PROMETHEUS_PORT", 16390));
    }

    /** The fake {@code ClusterSecretStore}'s name: {@value #SECRET_STORE}. */
    public static String secretStoreName() {
        return SECRET_STORE;
    }

    /** MinIO's S3 endpoint over TLS, its root credentials and the CA that signed its certificate; starts the platform. */
    public static MinioEndpoint minio() {
        ensureUp();
        return minioEndpoint();
    }

    /**
     * As {@link #minio()}, but starts MinIO alone ({@code scripts/cluster.sh minio up}) when it does not answer, never
     * the rest of the platform: for the runtime's tests, which need object storage and no Kubernetes.
     */
    public static MinioEndpoint ensureMinio() {
        if (!minioUp) {
            synchronized (LOCK) {
                if (!minioUp) {
                    if (!minioAnswering()) {
                        runScript(MINIO_UP_TIMEOUT, "minio", "up");
                        if (!minioAnswering()) {
                            throw new IllegalStateException("scripts/cluster.sh minio up finished but MinIO does not"
                                    + " answer; see " + stateDir().resolve("cluster/logs/minio.log"));
                        }
                    }
                    minioUp = true;
                }
            }
        }
        return minioEndpoint();
    }

    private static MinioEndpoint minioEndpoint() {
        Path credentials = stateDir().resolve("cluster/minio/credentials.env");
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(credentials)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read MinIO's credentials " + credentials, e);
        }
        return new MinioEndpoint(URI.create("https://127.0.0.1:" + port("VETTIFY_MINIO_PORT", 19000)),
                p.getProperty("MINIO_ROOT_USER"), p.getProperty("MINIO_ROOT_PASSWORD"),
                stateDir().resolve("cluster/pki/ca.crt"));
    }

    static int port(String variable, int defaultPort) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.trim());
    }

    // ------------------------------------------------------------------------------------------------ starting

    /**
     * Starts the platform with {@code scripts/cluster.sh up} unless the apiserver, Prometheus and MinIO all answer.
     * Runs the script at most once per JVM; later calls return at once. Thread-safe.
     */
    public static void ensureUp() {
        if (up) {
            return;
        }
        synchronized (LOCK) {
            if (up) {
                return;
            }
            if (!answering()) {
                runScript(UP_TIMEOUT, "up");
                if (!answering()) {
                    throw new IllegalStateException("scripts/cluster.sh up finished but the platform does not answer;"
                            + " see " + stateDir().resolve("cluster/logs"));
                }
            }
            up = true;
        }
    }

    /** The shared Fabric8 client for the platform (made on first use; starts the platform). Do not close it. */
    public static KubernetesClient client() {
        ensureUp();
        KubernetesClient c = client;
        if (c == null) {
            synchronized (LOCK) {
                c = client;
                if (c == null) {
                    c = newClient(kubeconfig());
                    client = c;
                    Runtime.getRuntime().addShutdownHook(new Thread(client::close, "local-platform-client-close"));
                }
            }
        }
        return c;
    }

    /** A new client for any kubeconfig file (the caller closes it). */
    public static KubernetesClient newClient(Path kubeconfigFile) {
        try {
            Config config = Config.fromKubeconfig(Files.readString(kubeconfigFile));
            config.setRequestTimeout(30_000);
            config.setConnectionTimeout(10_000);
            return new KubernetesClientBuilder().withConfig(config).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kubeconfig " + kubeconfigFile, e);
        }
    }

    private static boolean answering() {
        if (!Files.isRegularFile(kubeconfig())) {
            return false;
        }
        try (KubernetesClient probe = newClient(kubeconfig())) {
            String ready = probe.raw("/readyz");
            if (ready == null || !ready.trim().equals("ok")) {
                return false;
            }
        } catch (RuntimeException e) {
            return false;
        }
        return httpOk(prometheusUrl().resolve("/-/ready"), null) && minioAnswering();
    }

    private static boolean minioAnswering() {
        return Files.isRegularFile(stateDir().resolve("cluster/minio/credentials.env"))
                && httpOk(URI.create("https://127.0.0.1:" + port("VETTIFY_MINIO_PORT", 19000) + "/minio/health/ready"),
                        stateDir().resolve("cluster/pki/ca.crt"));
    }

    private static boolean httpOk(URI uri, Path ca) {
        try {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
            if (ca != null) {
                if (!Files.isRegularFile(ca)) {
                    return false;
                }
                builder.sslContext(MinioEndpoint.sslContextTrusting(ca));
            }
            HttpResponse<Void> response = builder.build().send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs {@code scripts/cluster.sh ARGS} with {@code VETTIFY_STATE} set to {@link #stateDir()}, its output going to
     * {@code System.err} line by line (Surefire's forked JVM must not get output on its native stdout).
     */
    public static void runScript(Duration timeout, String... args) {
        runScript(Map.of("VETTIFY_STATE", stateDir().toString()), timeout, args);
    }

    /** As {@link #runScript(Duration, String...)}, with the given environment variables added. */
    public static void runScript(Map<String, String> environment, Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", clusterScript().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repoRoot().toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        String what = String.join(" ", command.subList(1, command.size()));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            Thread pump = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    out.lines().forEach(line -> System.err.println(line));
                } catch (IOException ignored) {
                    // the process is gone
                }
            }, "cluster-script-output");
            pump.setDaemon(true);
            pump.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                throw new IllegalStateException(what + " did not finish within " + timeout);
            }
            pump.join(5_000);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed with exit code " + process.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + what, e);
        }
    }

    // ------------------------------------------------------------------------------------------------ secret store

    /** Adds (or replaces) the key in the fake ClusterSecretStore's {@code spec.provider.fake.data}. */
    public static void putSecretStoreData(String key, String value) {
        putSecretStoreData(client(), key, value);
    }

    /** As {@link #putSecretStoreData(String, String)}, on the {@value #SECRET_STORE} store of another cluster (K3s). */
    public static void putSecretStoreData(KubernetesClient client, String key, String value) {
        editSecretStoreData(client, data -> {
            List<Map<String, Object>> result = new ArrayList<>();
            for (Map<String, Object> entry : data) {
                if (!key.equals(entry.get("key"))) {
                    result.add(entry);
                }
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", key);
            entry.put("value", value);
            result.add(entry);
            return result;
        });
    }

    /** Removes the key from the fake ClusterSecretStore's {@code spec.provider.fake.data} (nothing when absent). */
    public static void removeSecretStoreData(String key) {
        removeSecretStoreData(client(), key);
    }

    /** As {@link #removeSecretStoreData(String)}, on the {@value #SECRET_STORE} store of another cluster (K3s). */
    public static void removeSecretStoreData(KubernetesClient client, String key) {
        editSecretStoreData(client, data -> {
            List<Map<String, Object>> result = new ArrayList<>();
            for (Map<String, Object> entry : data) {
                if (!key.equals(entry.get("key"))) {
                    result.add(entry);
                }
            }
            return result;
        });
    }

    /** Replaces the store's data with what {@code edit} makes of it; retried on a conflicting concurrent change. */
    @SuppressWarnings("unchecked")
    private static void editSecretStoreData(KubernetesClient client, UnaryOperator<List<Map<String, Object>>> edit) {
        var stores = client.genericKubernetesResources(CLUSTER_SECRET_STORE);
        for (int attempt = 1; ; attempt++) {
            GenericKubernetesResource store = stores.withName(SECRET_STORE).get();
            if (store == null) {
                throw new IllegalStateException("the ClusterSecretStore " + SECRET_STORE + " does not exist");
            }
            Map<String, Object> spec = (Map<String, Object>) store.getAdditionalProperties()
                    .computeIfAbsent("spec", k -> new LinkedHashMap<>());
            Map<String, Object> provider = (Map<String, Object>) spec.computeIfAbsent("provider", k -> new LinkedHashMap<>());
            Map<String, Object> fake = (Map<String, Object>) provider.computeIfAbsent("fake", k -> new LinkedHashMap<>());
            List<Map<String, Object>> data = (List<Map<String, Object>>) fake.getOrDefault("data", List.of());
            fake.put("data", edit.apply(new ArrayList<>(data)));
            try {
                // update() sends the resourceVersion read above: a concurrent change makes it fail with 409.
                stores.resource(store).update();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt >= 10) {
                    throw e;
                }
            }
        }
    }
}
