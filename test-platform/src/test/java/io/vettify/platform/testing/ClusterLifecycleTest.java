package io.vettify.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local platform comes up from nothing and goes down again, twice in a row — on a second, isolated instance (its
 * own state directory and ports), so the shared cluster the other tests use is never touched. It uses the cached
 * builds, building what is missing on a fresh machine.
 */
class ClusterLifecycleTest {

    /** The isolated instance's ports: the shared cluster's defaults + 10000 (still below the ephemeral range). */
    static final Map<String, Integer> PORTS = ports();

    static final List<String> COMPONENTS = List.of("etcd", "kube-apiserver", "kube-controller-manager",
            "kube-scheduler", "kwok", "argo-rollouts", "external-secrets", "prometheus", "minio");

    static final List<String> CRDS = List.of(
            "rollouts.argoproj.io", "analysistemplates.argoproj.io", "analysisruns.argoproj.io",
            "externalsecrets.external-secrets.io", "clustersecretstores.external-secrets.io",
            "servicemonitors.monitoring.coreos.com", "prometheusrules.monitoring.coreos.com",
            "stages.kwok.x-k8s.io");

    private static Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("VETTIFY_ETCD_PORT", 22379);      // and its peer port, +1
        ports.put("VETTIFY_APISERVER_PORT", 26443);
        ports.put("VETTIFY_KCM_PORT", 26257);
        ports.put("VETTIFY_SCHEDULER_PORT", 26259);
        ports.put("VETTIFY_KWOK_PORT", 26247);
        ports.put("VETTIFY_ROLLOUTS_PORT", 26280); // and its metrics port, +1
        ports.put("VETTIFY_ESO_PORT", 26290);
        ports.put("VETTIFY_PROMETHEUS_PORT", 26390);
        ports.put("VETTIFY_MINIO_PORT", 29000);    // and its console, +1
        return ports;
    }

    static List<Integer> allPorts() {
        List<Integer> all = new ArrayList<>(PORTS.values());
        all.add(PORTS.get("VETTIFY_ETCD_PORT") + 1);
        all.add(PORTS.get("VETTIFY_ROLLOUTS_PORT") + 1);
        all.add(PORTS.get("VETTIFY_MINIO_PORT") + 1);
        return all;
    }

    @TempDir
    Path state;

    @Test
    void comesUpFromNothingAndGoesDownTwiceInARow() {
        assertThat(allPorts()).as("ports of the isolated instance, free before it starts")
                .allSatisfy(port -> assertThat(listening(port)).as("127.0.0.1:%d in use", port).isFalse());
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("VETTIFY_STATE", state.toString());
        PORTS.forEach((name, port) -> environment.put(name, String.valueOf(port)));
        Path cluster = state.resolve("cluster");
        try {
            for (int round = 1; round <= 2; round++) {
                try {
                    LocalPlatform.runScript(environment, Duration.ofMinutes(60), "up");
                } catch (RuntimeException e) {
                    printLogs(cluster.resolve("logs")); // the temporary directory goes when the test ends
                    throw e;
                }

                List<Long> pids = new ArrayList<>();
                for (String component : COMPONENTS) {
                    Path pidFile = cluster.resolve("run/" + component + ".pid");
                    assertThat(pidFile).as("round %d: %s's pid file", round, component).isRegularFile();
                    long pid = Long.parseLong(lines(pidFile).get(0));
                    assertThat(running(pid)).as("round %d: %s (pid %d) runs", round, component, pid).isTrue();
                    pids.add(pid);
                }
                assertThat(allPorts()).allSatisfy(port -> assertThat(listening(port)).as("127.0.0.1:%d", port).isTrue());

                try (KubernetesClient client = LocalPlatform.newClient(cluster.resolve("kubeconfig"))) {
                    assertThat(client.getMasterUrl().getPort()).isEqualTo(PORTS.get("VETTIFY_APISERVER_PORT"));
                    assertThat(client.nodes().list().getItems())
                            .extracting(n -> n.getMetadata().getName())
                            .containsExactlyInAnyOrder("kwok-node-0", "kwok-node-1");
                    assertThat(client.nodes().list().getItems()).as("round %d: nodes Ready", round)
                            .allSatisfy(ClusterLifecycleTest::assertReady);
                    for (String crd : CRDS) {
                        CustomResourceDefinition definition = client.apiextensions().v1().customResourceDefinitions()
                                .withName(crd).get();
                        assertThat(definition).as("round %d: CRD %s", round, crd).isNotNull();
                        assertThat(definition.getStatus().getConditions())
                                .anySatisfy(c -> {
                                    assertThat(c.getType()).isEqualTo("Established");
                                    assertThat(c.getStatus()).isEqualTo("True");
                                });
                    }
                    assertThat(client.genericKubernetesResources("external-secrets.io/v1", "ClusterSecretStore")
                            .withName(LocalPlatform.SECRET_STORE).get()).isNotNull();
                }

                LocalPlatform.runScript(environment, Duration.ofMinutes(5), "down");

                try (Stream<Path> left = Files.list(cluster.resolve("run"))) {
                    assertThat(left.filter(p -> p.toString().endsWith(".pid")))
                            .as("round %d: pid files after down", round).isEmpty();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (long pid : pids) {
                    assertThat(running(pid)).as("round %d: pid %d after down", round, pid).isFalse();
                }
                assertThat(allPorts()).allSatisfy(port -> assertThat(listening(port)).as("127.0.0.1:%d", port).isFalse());
                assertThat(cluster.resolve("data")).as("round %d: data removed", round).doesNotExist();
            }
        } finally {
            try {
                LocalPlatform.runScript(environment, Duration.ofMinutes(5), "down");
            } catch (RuntimeException e) {
                fail("could not stop the isolated instance in " + state, e);
            }
        }
    }

    private static void printLogs(Path logs) {
        try (Stream<Path> files = Files.list(logs)) {
            files.sorted().forEach(log -> {
                List<String> lines = lines(log);
                System.err.println("---- last lines of " + log.getFileName());
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(System.err::println);
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("no logs in " + logs + ": " + e);
        }
    }

    private static void assertReady(Node node) {
        assertThat(node.getStatus().getConditions())
                .anySatisfy(c -> {
                    assertThat(c.getType()).isEqualTo("Ready");
                    assertThat(c.getStatus()).isEqualTo("True");
                });
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the process runs: a process that exited stays a zombie until init reaps it (a second or two here), and
     * {@link ProcessHandle#isAlive()} counts a zombie as alive.
     */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
