package io.vettify.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.vettify.platform.testing.LocalPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** helm/vettify-operator with the real Helm (v3.22.0 from the Go module proxy) and the local platform's API server. */
class HelmChartTest {

    private static final Path CRD = Path.of("crds/vettifytenants.vettify.io-v1.yml");

    private static Path helm;

    @TempDir
    static Path helmHome;

    @BeforeAll
    static void buildHelm() {
        helm = Delivery.tool("helm");
    }

    @Test
    void lintPassesWithDefaultAndNonDefaultValues() {
        helm("lint", "--strict", Delivery.chart().toString()).assertSucceeded();
        helm("lint", "--strict", Delivery.chart().toString(), "-f", customValues().toString()).assertSucceeded();
    }

    @Test
    void theChartCarriesTheCommittedCrd() throws Exception {
        assertThat(Files.mismatch(Delivery.chart().resolve(CRD), Delivery.repo().resolve(CRD)))
                .as("helm/vettify-operator/crds/ must equal crds/ (./vettify crds updates both)").isEqualTo(-1L);
        var rendered = render("vettify-system", List.of("--include-crds"));
        var crd = rendered.stream().filter(d -> d.path("kind").asText().equals("CustomResourceDefinition")).toList();
        assertThat(crd).containsExactly(Delivery.documents(Delivery.repo().resolve(CRD)).get(0));
    }

    @Test
    void defaultValuesRenderALeastPrivilegeNonRootOperator() {
        var rendered = render("vettify-system", List.of());
        Set<String> kinds = rendered.stream().map(d -> d.path("kind").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(kinds).containsExactly("ClusterRole", "ClusterRoleBinding", "ConfigMap", "Deployment", "PrometheusRule",
                        "Role", "RoleBinding", "Service", "ServiceAccount", "ServiceMonitor");

        var deployment = Delivery.JSON.convertValue(one(rendered, "Deployment"), Deployment.class);
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo("vettify-system");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(1000L);
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        var container = pod.getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("ghcr.io/vettify/vettify-operator:" + appVersion());
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getRunAsUser()).isEqualTo(1000L);
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");
        assertThat(container.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        // The Lease's namespace is the pod's own (leader election, prod profile).
        assertThat(container.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("POD_NAMESPACE");
            assertThat(env.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
        });
        assertThat(env(container.getEnv())).containsEntry("QUARKUS_OPERATOR_SDK_CONTROLLERS_VETTIFYTENANT_NAMESPACES",
                "JOSDK_ALL_NAMESPACES").containsEntry("VETTIFY_OPERATOR_CANARY_INTERVAL", "1m")
                .doesNotContainKey("QUARKUS_OPERATOR_SDK_CONTROLLERS_VETTIFYTENANT_SELECTOR");

        var monitor = one(rendered, "ServiceMonitor");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("http");

        var alerts = StreamSupport.stream(one(rendered, "PrometheusRule").at("/spec/groups").spliterator(), false)
                .flatMap(g -> StreamSupport.stream(g.path("rules").spliterator(), false))
                .collect(Collectors.toMap(r -> r.path("alert").asText(), r -> r.path("expr").asText()));
        assertThat(alerts.keySet()).containsExactlyInAnyOrder("VettifyRuntimeErrorRateHigh", "VettifyRuntimeLatencyHigh",
                "VettifyLeadResponseRateLow", "VettifyConsumerLagHigh", "VettifyOutboxLagHigh",
                "VettifyAnafFailureRateHigh", "VettifyAnafLatencyHigh", "VettifyOperatorReconcileFailures",
                "VettifyOperatorDown");
        assertThat(alerts.get("VettifyRuntimeErrorRateHigh")).contains("http_server_requests_seconds_count")
                .contains("status=~\"5..\"").contains("> 0.01");
        assertThat(alerts.get("VettifyLeadResponseRateLow")).contains("vettify_lead_responses_total{outcome=\"missed\"}")
                .contains("< 0.95");
        assertThat(alerts.get("VettifyConsumerLagHigh")).contains("vettify_consumer_lag_seconds_max").contains("> 60");
        assertThat(alerts.get("VettifyOutboxLagHigh")).contains("vettify_outbox_oldest_pending_age_seconds)").contains("> 60");
        assertThat(alerts.get("VettifyAnafFailureRateHigh")).contains("vettify_worker_requests_total")
                .contains("worker=\"anaf.taxpayer\"").contains("> 0.05");
        assertThat(alerts.get("VettifyAnafLatencyHigh")).contains("vettify_worker_latency_seconds_bucket").contains("> 10");
        assertThat(alerts.get("VettifyOperatorReconcileFailures")).contains("operator_sdk_reconciliations_failed_total");

        var dashboards = rendered.stream().filter(d -> d.path("kind").asText().equals("ConfigMap")).toList();
        assertThat(dashboards).hasSize(2).allSatisfy(cm ->
                assertThat(cm.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1"));
        var uids = dashboards.stream().map(cm -> {
            var data = cm.path("data").properties().iterator().next().getValue().asText();
            try {
                return Delivery.JSON.readTree(data).path("uid").asText();
            } catch (Exception e) {
                throw new AssertionError("a dashboard is not JSON: " + cm.at("/metadata/name"), e);
            }
        }).toList();
        assertThat(uids).containsExactlyInAnyOrder("vettify_crm", "vettify_operator");
    }

    @Test
    void nonDefaultValuesChangeWhatTheySay() {
        var rendered = render("ops", List.of("-f", customValues().toString()));
        assertThat(rendered).noneMatch(d -> d.path("kind").asText().equals("ServiceMonitor"))
                .noneMatch(d -> d.path("kind").asText().equals("PrometheusRule"));
        var deployment = Delivery.JSON.convertValue(one(rendered, "Deployment"), Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("registry.example.com/vettify/vettify-operator@sha256:"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        assertThat(env(container.getEnv())).containsEntry("QUARKUS_OPERATOR_SDK_CONTROLLERS_VETTIFYTENANT_SELECTOR",
                "vettify.io/operator=blue").containsEntry("VETTIFY_OPERATOR_CANARY_INTERVAL", "30s")
                .containsEntry("EXTRA_SETTING", "on");
        assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("vettify-blue");
        assertThat(rendered.stream().filter(d -> d.path("kind").asText().equals("ConfigMap")))
                .allSatisfy(cm -> assertThat(cm.at("/metadata/namespace").asText()).isEqualTo("grafana"));
    }

    /** Every alert and dashboard query parses and evaluates in the local platform's Prometheus (3.7). */
    @Test
    void alertAndDashboardQueriesAreValidPromQl() throws Exception {
        var rendered = render("vettify-system", List.of());
        List<String> queries = new ArrayList<>();
        one(rendered, "PrometheusRule").at("/spec/groups").forEach(group ->
                group.path("rules").forEach(rule -> queries.add(rule.path("expr").asText())));
        for (JsonNode configMap : rendered) {
            if (configMap.path("kind").asText().equals("ConfigMap")) {
                var dashboard = Delivery.JSON.readTree(configMap.path("data").properties().iterator().next()
                        .getValue().asText());
                dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target ->
                        queries.add(target.path("expr").asText().replace("$namespace", ".*").replace("$tid", ".*"))));
            }
        }
        assertThat(queries).hasSizeGreaterThan(20);
        LocalPlatform.ensureUp();
        var http = HttpClient.newHttpClient();
        for (String query : queries) {
            var uri = LocalPlatform.prometheusUrl().resolve("/api/v1/query?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8));
            var response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(query + " -> " + response.body()).isEqualTo(200);
        }
    }

    /** The chart's rules are exactly the ones QOSDK generates for the operator, the Lease moved to a namespaced Role. */
    @Test
    void rbacGrantsWhatTheOperatorNeedsAndNoMore() {
        Path generated = Delivery.repo().resolve("operator/target/kubernetes/kubernetes.yml");
        assertThat(generated).as("the operator's build writes it (./mvnw -pl operator package)").exists();
        Set<String> needed = new TreeSet<>();
        for (JsonNode doc : Delivery.documents(generated)) {
            if (doc.path("kind").asText().equals("ClusterRole")) {
                needed.addAll(grants(doc));
            }
        }
        var rendered = render("vettify-system", List.of());
        Set<String> clusterWide = grants(one(rendered, "ClusterRole"));
        Set<String> namespaced = grants(one(rendered, "Role"));
        assertThat(namespaced).allMatch(g -> g.startsWith("coordination.k8s.io/leases/"));
        Set<String> granted = new TreeSet<>(clusterWide);
        granted.addAll(namespaced);
        assertThat(granted).isEqualTo(needed);
        assertThat(clusterWide).noneMatch(g -> g.contains("*"));
    }

    /** A real install into the local platform: every object accepted, the Deployment's pods ready, then uninstalled. */
    @Test
    void installsIntoTheLocalPlatformAndUninstallsCleanly() {
        String namespace = Cluster.newNamespace("delivery-helm");
        String release = "vettify-operator-" + namespace.substring(namespace.lastIndexOf('-') + 1);
        try {
            helm("install", release, Delivery.chart().toString(), "--namespace", namespace, "--wait",
                    "--timeout", "180s").assertSucceeded();
            var client = Cluster.client();
            var deployment = client.apps().deployments().inNamespace(namespace).withName(release).get();
            assertThat(deployment.getStatus().getReadyReplicas()).isEqualTo(2);
            assertThat(client.rbac().clusterRoles().withName(release).get()).isNotNull();
            assertThat(client.genericKubernetesResources("monitoring.coreos.com/v1", "PrometheusRule")
                    .inNamespace(namespace).withName(release).get()).isNotNull();
            assertThat(client.configMaps().inNamespace(namespace).withLabel("grafana_dashboard", "1").list().getItems())
                    .hasSize(2);
            assertThat(helm("status", release, "--namespace", namespace).assertSucceeded().stdout())
                    .contains("STATUS: deployed").contains("Onboard a tenant");

            helm("uninstall", release, "--namespace", namespace, "--wait", "--timeout", "120s").assertSucceeded();
            assertThat(client.rbac().clusterRoles().withName(release).get()).isNull();
            assertThat(client.rbac().clusterRoleBindings().withName(release).get()).isNull();
            // The CRD stays: Helm never deletes what it installed from crds/, and tenants would go with it.
            assertThat(client.apiextensions().v1().customResourceDefinitions().withName("vettifytenants.vettify.io")
                    .get()).isNotNull();
        } finally {
            helm("uninstall", release, "--namespace", namespace, "--ignore-not-found");
            Cluster.deleteNamespaces(List.of(namespace));
        }
    }

    /** Non-default values render objects the API server accepts too (server-side dry run). */
    @Test
    void nonDefaultRenderingIsAcceptedByTheApiServer() {
        String namespace = Cluster.newNamespace("delivery-helm-values");
        try {
            Cluster.createNamespace("grafana-" + namespace);
            var values = new ArrayList<>(List.of("-f", customValues().toString(), "--set",
                    "dashboards.namespace=grafana-" + namespace, "--set", "metrics.serviceMonitor.enabled=true",
                    "--set", "metrics.prometheusRule.enabled=true"));
            var rendered = render(namespace, values);
            assertThat(rendered).hasSizeGreaterThan(10);
            rendered.forEach(Cluster::serverSideDryRun);
        } finally {
            Cluster.deleteNamespaces(List.of(namespace, "grafana-" + namespace));
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static List<JsonNode> render(String namespace, List<String> extra) {
        var args = new ArrayList<>(List.of("template", "vettify-operator", Delivery.chart().toString(),
                "--namespace", namespace));
        args.addAll(extra);
        return Delivery.documents(helm(args.toArray(String[]::new)).assertSucceeded().stdout());
    }

    private static Delivery.Result helm(String... args) {
        var command = new ArrayList<String>();
        command.add(helm.toString());
        command.addAll(List.of(args));
        var environment = new HashMap<>(Cluster.kubeEnvironment());
        environment.put("HELM_CACHE_HOME", helmHome.resolve("cache").toString());
        environment.put("HELM_CONFIG_HOME", helmHome.resolve("config").toString());
        environment.put("HELM_DATA_HOME", helmHome.resolve("data").toString());
        return Delivery.run(command, environment, Duration.ofMinutes(5));
    }

    private static Path customValues() {
        return Path.of("src/test/resources/custom-values.yaml").toAbsolutePath();
    }

    private static String appVersion() {
        return Delivery.documents(Delivery.chart().resolve("Chart.yaml")).get(0).path("appVersion").asText();
    }

    private static JsonNode one(List<JsonNode> documents, String kind) {
        var matching = documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
        assertThat(matching).as("rendered %s", kind).hasSize(1);
        return matching.get(0);
    }

    private static Map<String, String> env(List<io.fabric8.kubernetes.api.model.EnvVar> variables) {
        var values = new HashMap<String, String>();
        variables.stream().filter(v -> v.getValue() != null).forEach(v -> values.put(v.getName(), v.getValue()));
        return values;
    }

    /** A rule's grants as {@code group/resource/verb} strings. */
    private static Set<String> grants(JsonNode role) {
        Set<String> grants = new TreeSet<>();
        for (JsonNode rule : role.path("rules")) {
            for (JsonNode group : rule.path("apiGroups")) {
                for (JsonNode resource : rule.path("resources")) {
                    for (JsonNode verb : rule.path("verbs")) {
                        grants.add(group.asText() + "/" + resource.asText() + "/" + verb.asText());
                    }
                }
            }
        }
        return grants;
    }
}
