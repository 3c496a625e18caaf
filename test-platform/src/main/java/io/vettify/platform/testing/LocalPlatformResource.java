package io.vettify.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Quarkus test resource: {@code @QuarkusTestResource(LocalPlatformResource.class)} (or {@code @WithTestResource})
 * starts the local platform before the application under test, and points the application's Kubernetes client — and
 * so a Quarkus Operator SDK operator inside a {@code @QuarkusTest} — at it.
 *
 * <p>It does both things Quarkus' {@code kubernetes-client} extension reads, each of which works alone with Quarkus
 * 3.30 (verified by {@code LocalPlatformResourceTest}, a Quarkus Operator SDK reconciler in a {@code @QuarkusTest}):
 * the Fabric8 system property {@code kubeconfig} (read by {@code Config.autoConfigure}, the base of the client Quarkus
 * builds) and the {@code quarkus.kubernetes-client.*} properties returned from {@link #start()} (API server URL, CA,
 * client certificate and key files), which win over the kubeconfig.
 *
 * <p>The application under test should also set {@code %test.quarkus.kubernetes-client.devservices.enabled=false}
 * (build-time configuration): with a Docker engine present the dev service could otherwise start a cluster of its own,
 * and {@code quarkus.http.test-port=0} when other Quarkus tests may hold the default test port.
 */
public class LocalPlatformResource implements QuarkusTestResourceLifecycleManager {

    private String previousKubeconfig;

    @Override
    public Map<String, String> start() {
        LocalPlatform.ensureUp();
        Path kubeconfig = LocalPlatform.kubeconfig();
        previousKubeconfig = System.setProperty("kubeconfig", kubeconfig.toString());
        Path pki = LocalPlatform.stateDir().resolve("cluster/pki");
        String server = apiServerUrl(kubeconfig);
        return Map.of(
                "quarkus.kubernetes-client.api-server-url", server,
                "quarkus.kubernetes-client.ca-cert-file", pki.resolve("ca.crt").toString(),
                "quarkus.kubernetes-client.client-cert-file", pki.resolve("admin.crt").toString(),
                "quarkus.kubernetes-client.client-key-file", pki.resolve("admin.key").toString(),
                "quarkus.kubernetes-client.client-key-algo", "RSA");
    }

    @Override
    public void stop() {
        if (previousKubeconfig == null) {
            System.clearProperty("kubeconfig");
        } else {
            System.setProperty("kubeconfig", previousKubeconfig);
        }
    }

    /** The {@code server:} of the kubeconfig {@code cluster up} wrote (one cluster in it). */
    static String apiServerUrl(Path kubeconfig) {
        try {
            return Files.readAllLines(kubeconfig).stream()
                    .map(String::trim)
                    .filter(line -> line.startsWith("server:"))
                    .map(line -> line.substring("server:".length()).trim())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no server: in " + kubeconfig));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
