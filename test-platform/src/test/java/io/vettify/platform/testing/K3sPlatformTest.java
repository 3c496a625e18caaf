package io.vettify.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The platform's ExternalSecret and Rollout checks on K3s through Testcontainers, for machines with a Docker engine
 * (GitHub Actions). Skipped where there is none — as on the project's own machines, where the container-free local
 * platform runs the same checks ({@link ExternalSecretSyncTest}, {@link RolloutAnalysisTest}).
 *
 * <p>In K3s the controllers run as containers, so this needs image pulls (docker.io, quay.io, ghcr.io) and the upstream
 * manifests (github.com): Argo Rollouts from its release's {@code install.yaml}; External Secrets' CRD bundle plus a
 * controller Deployment made here (upstream installs it with a Helm chart: no webhook, no cert-controller, like the
 * local platform); Prometheus as a Deployment that scrapes a busybox {@code httpd} serving the series from a ConfigMap
 * (Prometheus and the Rollouts controller run inside the cluster, so the test's own {@link PrometheusSeries} on the host
 * cannot be reached from there).
 *
 * <p>Not run on this machine (no Docker engine): it compiles, and it has not been run anywhere yet — the first CI run
 * on a runner with Docker is its first run. The workflow that runs it (.github/) does not exist yet.
 */
@ExtendWith(K3sPlatformTest.DockerRequired.class)
@Testcontainers(disabledWithoutDocker = true)
class K3sPlatformTest {

    static final String K3S_IMAGE = "rancher/k3s:v1.33.5-k3s1";
    static final String ROLLOUTS_INSTALL =
            "https://github.com/argoproj/argo-rollouts/releases/download/v1.8.5/install.yaml";
    static final String ESO_CRDS =
            "https://raw.githubusercontent.com/external-secrets/external-secrets/v0.16.2/deploy/crds/bundle.yaml";
    static final String ESO_IMAGE = "ghcr.io/external-secrets/external-secrets:v0.16.2";
    static final String PROMETHEUS_IMAGE = "quay.io/prometheus/prometheus:v3.7.3";
    static final String BUSYBOX_IMAGE = "busybox:1.37";
    static final String MONITORING = "monitoring";
    static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    @Container
    static final K3sContainer K3S = new K3sContainer(DockerImageName.parse(K3S_IMAGE));

    private static KubernetesClient client;
    private static String namespace;

    @BeforeAll
    static void install() throws IOException {
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(K3S.getKubeConfigYaml())).build();

        apply(yaml("apiVersion: v1\nkind: Namespace\nmetadata: {name: argo-rollouts}\n"));
        try (InputStream in = URI.create(ROLLOUTS_INSTALL).toURL().openStream()) {
            client.load(in).inNamespace("argo-rollouts").forceConflicts().serverSideApply();
        }
        try (InputStream in = URI.create(ESO_CRDS).toURL().openStream()) {
            client.load(in).forceConflicts().serverSideApply();
        }
        apply(yaml("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: external-secrets}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: external-secrets, namespace: external-secrets}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: external-secrets-vettify-test}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                subjects: [{kind: ServiceAccount, name: external-secrets, namespace: external-secrets}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: external-secrets, namespace: external-secrets}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: external-secrets}}
                  template:
                    metadata: {labels: {app: external-secrets}}
                    spec:
                      serviceAccountName: external-secrets
                      containers:
                        - name: external-secrets
                          image: %s
                          args: ["--concurrent=1", "--loglevel=info"]
                """.formatted(ESO_IMAGE)));
        apply(yaml(prometheusAndSeries()));

        awaitAvailable("argo-rollouts", "argo-rollouts");
        awaitAvailable("external-secrets", "external-secrets");
        awaitAvailable(MONITORING, "prometheus");
        awaitAvailable(MONITORING, "series");
        await("the ClusterSecretStore CRD").atMost(INSTALL_TIMEOUT).ignoreExceptions().until(() -> {
            apply(yaml("""
                    apiVersion: external-secrets.io/v1
                    kind: ClusterSecretStore
                    metadata: {name: %s}
                    spec:
                      provider:
                        fake:
                          data: [{key: vettify/example, value: example-value}]
                    """.formatted(LocalPlatform.SECRET_STORE)));
            return true;
        });
        namespace = Resources.createNamespace(client, "k3s-platform");
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void anExternalSecretSyncsAndReportsTheMissingKey() {
        ExternalSecretChecks.syncsAndReportsTheMissingKey(client, namespace,
                "vettify-test/" + Resources.unique() + "/db-password");
    }

    @Test
    void aGoodSeriesLetsTheCanaryComplete() {
        String query = awaitSeries("good");
        RolloutChecks.goodSeriesCompletes(client, namespace, "web-good-" + Resources.unique(), prometheusInCluster(),
                query);
    }

    @Test
    void aBadSeriesAbortsTheCanary() {
        String query = awaitSeries("bad");
        RolloutChecks.badSeriesAborts(client, namespace, "web-bad-" + Resources.unique(), prometheusInCluster(), query);
    }

    private static URI prometheusInCluster() {
        return URI.create("http://prometheus." + MONITORING + ".svc:9090");
    }

    /** Waits until Prometheus has scraped the series (queried through the apiserver's service proxy). */
    private static String awaitSeries(String rollout) {
        String query = RolloutChecks.METRIC + "{rollout=\"" + rollout + "\"}";
        ObjectMapper json = new ObjectMapper();
        await("Prometheus has " + query).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> {
                    JsonNode body = json.readTree(client.raw("/api/v1/namespaces/" + MONITORING
                            + "/services/prometheus:9090/proxy/api/v1/query?query="
                            + URLEncoder.encode(query, StandardCharsets.UTF_8)));
                    return !body.path("data").path("result").isEmpty();
                });
        return query;
    }

    private static String prometheusAndSeries() {
        return """
                apiVersion: v1
                kind: Namespace
                metadata: {name: %1$s}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: series, namespace: %1$s}
                data:
                  metrics: |
                    # TYPE %2$s gauge
                    %2$s{rollout="good"} 0.01
                    %2$s{rollout="bad"} 0.5
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: series, namespace: %1$s}
                spec:
                  selector: {matchLabels: {app: series}}
                  template:
                    metadata: {labels: {app: series}}
                    spec:
                      containers:
                        - name: httpd
                          image: %3$s
                          command: ["httpd", "-f", "-p", "8080", "-h", "/www"]
                          volumeMounts: [{name: series, mountPath: /www}]
                      volumes: [{name: series, configMap: {name: series}}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: series, namespace: %1$s}
                spec:
                  selector: {app: series}
                  ports: [{port: 8080}]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: prometheus, namespace: %1$s}
                data:
                  prometheus.yml: |
                    global: {scrape_interval: 5s, evaluation_interval: 5s}
                    scrape_configs:
                      - job_name: series
                        scrape_interval: 1s
                        scrape_timeout: 1s
                        # busybox httpd sends no Prometheus content type
                        fallback_scrape_protocol: PrometheusText0.0.4
                        static_configs: [{targets: ["series.%1$s.svc:8080"]}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: prometheus, namespace: %1$s}
                spec:
                  selector: {matchLabels: {app: prometheus}}
                  template:
                    metadata: {labels: {app: prometheus}}
                    spec:
                      containers:
                        - name: prometheus
                          image: %4$s
                          args: ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"]
                          ports: [{containerPort: 9090}]
                          volumeMounts:
                            - {name: config, mountPath: /etc/prometheus}
                            - {name: data, mountPath: /prometheus}
                      volumes:
                        - {name: config, configMap: {name: prometheus}}
                        - {name: data, emptyDir: {}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: prometheus, namespace: %1$s}
                spec:
                  selector: {app: prometheus}
                  ports: [{port: 9090}]
                """.formatted(MONITORING, RolloutChecks.METRIC, BUSYBOX_IMAGE, PROMETHEUS_IMAGE);
    }

    private static List<HasMetadata> yaml(String documents) {
        return client.load(new ByteArrayInputStream(documents.getBytes(StandardCharsets.UTF_8))).items();
    }

    private static void apply(List<HasMetadata> resources) {
        client.resourceList(resources).forceConflicts().serverSideApply();
    }

    private static void awaitAvailable(String inNamespace, String deployment) {
        await("Deployment " + inNamespace + "/" + deployment + " available").atMost(INSTALL_TIMEOUT)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> client.apps().deployments().inNamespace(inNamespace).withName(deployment).get(),
                        (Deployment d) -> d != null && d.getStatus() != null && d.getStatus().getAvailableReplicas() != null
                                && d.getStatus().getAvailableReplicas() >= 1);
        assertThat(client.apps().deployments().inNamespace(inNamespace).withName(deployment).get()).isNotNull();
    }

    /**
     * The same condition as {@code disabledWithoutDocker}, but the reason is printed in the build's log too (Surefire
     * shows only "Skipped: 3" for a disabled class).
     */
    static final class DockerRequired implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return ConditionEvaluationResult.enabled("a Docker engine is available");
            }
            String reason = "no Docker engine on this machine: the K3s tests run where one exists (GitHub Actions);"
                    + " the container-free local platform runs the same checks here";
            if (context.getTestMethod().isEmpty()) {
                System.err.println("[K3sPlatformTest] SKIPPED: " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
