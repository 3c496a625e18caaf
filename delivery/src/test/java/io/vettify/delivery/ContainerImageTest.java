package io.vettify.delivery;

import io.vettify.platform.testing.LocalPlatform;
import io.vettify.platform.testing.LocalServices;
import io.vettify.platform.testing.MinioEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runtime's and the operator's image definitions (src/main/docker/Dockerfile.jvm): no Docker engine here, so the
 * test checks what the image is — a pinned base, user 1000, the entrypoint — and that what it would contain (the
 * Quarkus app the Maven build packaged) starts with that entrypoint: the operator against the local platform (prod
 * profile, as in the image: leader election on its Lease), the runtime against the local services (dev profile, the
 * configuration a tenant's Secret would otherwise give). The workflow builds the images where Docker exists.
 */
class ContainerImageTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @ParameterizedTest
    @ValueSource(strings = {"crm-runtime", "operator"})
    void theImageRunsThePackagedAppAsUser1000(String module) {
        var image = Dockerfile.of(module);
        assertThat(image.from()).matches("[\\w./-]+:[\\w.-]+").doesNotEndWith(":latest");
        assertThat(image.user()).isEqualTo("1000:1000");
        assertThat(image.entrypoint()).startsWith("java").endsWith("-jar", "/deployments/quarkus-run.jar");
        assertThat(image.copies()).allSatisfy(copy -> {
            assertThat(copy).contains("--chown=1000:1000");
            String source = copy.split("\\s+")[1].replace("*.jar", "quarkus-run.jar");
            assertThat(Delivery.repo().resolve(module).resolve(source))
                    .as("packaged by ./mvnw -pl %s package", module).exists();
        });
        assertThat(image.copies()).hasSize(4);
    }

    @Test
    void theOperatorImageStartsAgainstTheLocalPlatform() throws Exception {
        // The operator refuses to start without its CRD (the chart installs it; on a fresh platform nothing has).
        Cluster.applyTenantCrd();
        String namespace = Cluster.newNamespace("delivery-operator");
        int port = freePort();
        var environment = new HashMap<>(Cluster.kubeEnvironment());
        environment.put("POD_NAMESPACE", namespace);
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        // Only tenants with this label, which none has: the started operator must not touch the platform's tenants.
        environment.put("QUARKUS_OPERATOR_SDK_CONTROLLERS_VETTIFYTENANT_SELECTOR", "vettify.io/delivery-test-none=true");
        Process operator = start("operator", List.of(), environment);
        try {
            awaitReady(operator, port);
            // The image runs the prod profile: leader election holds the Lease in the pod's namespace.
            await().atMost(Duration.ofSeconds(60)).until(() -> Cluster.client().leases().inNamespace(namespace)
                    .withName("vettify-operator-lease").get() != null);
            assertThat(get(port, "/q/metrics").body()).contains("operator_sdk_");
        } finally {
            stop(operator);
            Cluster.deleteNamespaces(List.of(namespace));
        }
    }

    @Test
    void theRuntimeImageStartsAgainstTheLocalServices() throws Exception {
        int port = freePort();
        var environment = new HashMap<>(LocalServices.env());
        environment.put("VETTIFY_HTTP_PORT", String.valueOf(port));
        environment.put("VETTIFY_HTTP_HOST", "127.0.0.1");
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        environment.put("VETTIFY_DEV_PUBLIC_KEY",
                Base64.getEncoder().encodeToString(keys.generateKeyPair().getPublic().getEncoded()));
        // Object storage as `./vettify up` gives it: the local MinIO over TLS and a development SSE-C key.
        MinioEndpoint minio = LocalPlatform.ensureMinio();
        environment.put("VETTIFY_MINIO_ENDPOINT", minio.endpoint().toString());
        environment.put("VETTIFY_MINIO_ROOT_USER", minio.rootUser());
        environment.put("VETTIFY_MINIO_ROOT_PASSWORD", minio.rootPassword());
        environment.put("VETTIFY_S3_CA_CERT", Files.readString(minio.caCertificate()));
        byte[] sseKey = new byte[32];
        new SecureRandom().nextBytes(sseKey);
        environment.put("VETTIFY_DEV_SSE_CUSTOMER_KEY", Base64.getEncoder().encodeToString(sseKey));
        Process runtime = start("crm-runtime", List.of("-Dquarkus.profile=dev"), environment);
        try {
            awaitReady(runtime, port);
            var metrics = get(port, "/q/metrics").body();
            // The names the PrometheusRule and the vettify_crm dashboard use.
            assertThat(metrics).contains("vettify_outbox_backlog").contains("vettify_outbox_oldest_pending_age_seconds");
            // The generated API contract (docs/api.md), kept as a build artifact (CI uploads it).
            var openapi = get(port, "/q/openapi?format=json");
            assertThat(openapi.statusCode()).isEqualTo(200);
            assertThat(Delivery.JSON.readTree(openapi.body()).path("paths").has("/v1/crm/leads")).isTrue();
            Files.writeString(Path.of("target/openapi.json"), openapi.body());
        } finally {
            stop(runtime);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Starts the module's packaged app with its image's entrypoint, the jar's path made local. */
    private static Process start(String module, List<String> systemProperties, Map<String, String> environment)
            throws IOException {
        var entrypoint = Dockerfile.of(module).entrypoint();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(systemProperties);
        command.addAll(entrypoint.subList(1, entrypoint.size() - 1));
        command.add(Delivery.repo().resolve(module).resolve("target/quarkus-app/quarkus-run.jar").toString());
        Path log = Files.createDirectories(Path.of("target")).resolve(module + "-image-start.log");
        var builder = new ProcessBuilder(command).directory(Files.createTempDirectory("delivery-" + module).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static void awaitReady(Process process, int port) {
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("the app exited; see delivery/target/*-image-start.log").isTrue();
            try {
                return get(port, "/q/health/ready").statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, then SIGKILL after 30 s (leaving leadership in a shutdown hook may keep the operator's JVM). */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The instructions of a module's Dockerfile.jvm that define the image. */
    record Dockerfile(String from, String user, List<String> entrypoint, List<String> copies) {

        static Dockerfile of(String module) {
            String from = null;
            String user = null;
            List<String> entrypoint = null;
            List<String> copies = new ArrayList<>();
            for (String line : Delivery.read(Delivery.repo().resolve(module + "/src/main/docker/Dockerfile.jvm")).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                String[] parts = line.split("\\s+", 2);
                switch (parts[0]) {
                    case "FROM" -> from = parts[1];
                    case "USER" -> user = parts[1];
                    case "COPY" -> copies.add(parts[1]);
                    case "ENTRYPOINT" -> {
                        try {
                            entrypoint = List.of(Delivery.JSON.readValue(parts[1], String[].class));
                        } catch (IOException e) {
                            throw new AssertionError("ENTRYPOINT must be an exec-form JSON array: " + parts[1], e);
                        }
                    }
                    default -> {
                    }
                }
            }
            return new Dockerfile(from, user, entrypoint, copies);
        }
    }
}
