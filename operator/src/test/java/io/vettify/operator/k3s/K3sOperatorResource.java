package io.vettify.operator.k3s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * K3s in a container (Testcontainers), with the upstream CRDs the operator watches (External Secrets, Argo Rollouts,
 * ServiceMonitor), for the operator's end-to-end check where a Docker engine exists (GitHub Actions).
 */
public class K3sOperatorResource implements QuarkusTestResourceLifecycleManager {

    static final String K3S_IMAGE = "rancher/k3s:v1.33.5-k3s1";
    static final List<String> UPSTREAM_CRDS = List.of(
            "https://raw.githubusercontent.com/external-secrets/external-secrets/v0.16.2/deploy/crds/bundle.yaml",
            "https://raw.githubusercontent.com/argoproj/argo-rollouts/v1.8.5/manifests/crds/rollout-crd.yaml",
            "https://raw.githubusercontent.com/argoproj/argo-rollouts/v1.8.5/manifests/crds/analysis-template-crd.yaml",
            "https://raw.githubusercontent.com/argoproj/argo-rollouts/v1.8.5/manifests/crds/analysis-run-crd.yaml",
            "https://raw.githubusercontent.com/prometheus-operator/prometheus-operator/v0.85.0/example/"
                    + "prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml");

    private K3sContainer k3s;
    private Path kubeconfig;

    @Override
    public Map<String, String> start() {
        k3s = new K3sContainer(DockerImageName.parse(K3S_IMAGE));
        k3s.start();
        try (var client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k3s.getKubeConfigYaml()))
                .build()) {
            for (var crds : UPSTREAM_CRDS) {
                try (InputStream in = URI.create(crds).toURL().openStream()) {
                    client.load(in).forceConflicts().serverSideApply();
                }
            }
            kubeconfig = Files.createTempFile("k3s-", ".kubeconfig");
            Files.writeString(kubeconfig, k3s.getKubeConfigYaml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("kubeconfig", kubeconfig.toString());
        return Map.of();
    }

    @Override
    public void stop() {
        System.clearProperty("kubeconfig");
        if (k3s != null) {
            k3s.stop();
        }
    }
}
