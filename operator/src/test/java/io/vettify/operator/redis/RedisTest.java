package io.vettify.operator.redis;

import static io.vettify.operator.testing.TenantFixture.TIMEOUT;
import static io.vettify.operator.testing.TenantFixture.awaitTenant;
import static io.vettify.operator.testing.TenantFixture.condition;
import static io.vettify.operator.testing.TenantFixture.create;
import static io.vettify.operator.testing.TenantFixture.createSecret;
import static io.vettify.operator.testing.TenantFixture.isFalseBecause;
import static io.vettify.operator.testing.TenantFixture.isTrue;
import static io.vettify.operator.testing.TenantFixture.newTenantId;
import static io.vettify.operator.testing.TenantFixture.prepare;
import static io.vettify.operator.testing.TenantFixture.secretData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.operator.testing.OperatorTestRun;
import io.vettify.operator.testing.TenantFixture;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A4 on the local cluster: a Dedicated Redis' Secret, Service and StatefulSet as the API server accepted them, its pod
 * (simulated by kwok) ready on a volume of the platform's pool; an External Redis' URL Secret, missing then given; and
 * the switch from one mode to the other.
 */
@QuarkusTest
@QuarkusTestResource(OperatorTestRun.class)
class RedisTest {

    @Inject
    KubernetesClient client;

    private VettifyTenant tenant;

    @AfterEach
    void cleanUp() {
        TenantFixture.cleanUp(client, tenant);
    }

    @Test
    void aDedicatedRedisGetsItsPasswordSecretHeadlessServiceAndStatefulSetAndBecomesReady() {
        var tenantId = newTenantId("redis");
        var prepared = prepare(client, tenantId);
        prepared.getSpec().redis.storage = "2Gi";
        tenant = create(client, prepared);
        awaitTenant(client, tenant, "RedisReady", t -> isTrue(t, "RedisReady"));

        var namespace = tenant.getMetadata().getNamespace();
        var name = "vettify-" + tenantId + "-redis";
        var secret = client.secrets().inNamespace(namespace).withName(name).get();
        assertThat(secret.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(owner -> assertThat(owner.getName()).isEqualTo(tenantId));
        var password = secretData(client, namespace, name).get("password");
        assertThat(password).matches("[A-Za-z0-9_-]{43}");

        var service = client.services().inNamespace(namespace).withName(name).get();
        assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(6379);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("redis");
        });

        var statefulSet = client.apps().statefulSets().inNamespace(namespace).withName(name).get();
        var spec = statefulSet.getSpec();
        assertThat(spec.getReplicas()).isEqualTo(1);
        assertThat(spec.getServiceName()).isEqualTo(name);
        assertThat(spec.getTemplate().getMetadata().getLabels()).containsAllEntriesOf(service.getSpec().getSelector());
        var pod = spec.getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(999L);
        var container = pod.getContainers().get(0);
        assertThat(container.getImage()).startsWith("docker.io/library/redis:7");
        assertThat(container.getArgs()).containsSubsequence("--requirepass", "$(REDIS_PASSWORD)")
                .containsSubsequence("--appendonly", "yes");
        assertThat(container.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("REDIS_PASSWORD");
            assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo(name);
            assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
        });
        assertThat(container.getReadinessProbe().getExec().getCommand()).contains("sh", "-c");
        assertThat(container.getLivenessProbe().getTcpSocket().getPort().getStrVal()).isEqualTo("redis");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getVolumeMounts()).singleElement()
                .satisfies(mount -> assertThat(mount.getMountPath()).isEqualTo("/data"));
        assertThat(spec.getVolumeClaimTemplates()).singleElement().satisfies(claim -> assertThat(
                claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("2Gi")));
        assertThat(statefulSet.getStatus().getReadyReplicas()).isEqualTo(1);

        var claim = client.persistentVolumeClaims().inNamespace(namespace).withName("data-" + name + "-0").get();
        assertThat(claim.getStatus().getPhase()).isEqualTo("Bound");
        assertThat(claim.getSpec().getStorageClassName()).isEqualTo("vettify-local");

        awaitTenant(client, tenant, "RuntimeAvailable", t -> isTrue(t, "RuntimeAvailable"));
        assertThat(secretData(client, namespace, "vettify-" + tenantId + "-runtime").get("VETTIFY_REDIS_URL"))
                .isEqualTo("redis://:%s@%s.%s.svc:6379".formatted(password, name, namespace));
    }

    @Test
    void anExternalRedisWaitsForItsUrlSecretAndReportsItMissing() {
        var tenantId = newTenantId("redis-ext");
        var prepared = prepare(client, tenantId);
        prepared.getSpec().redis.mode = VettifyTenantSpec.RedisMode.External;
        prepared.getSpec().redis.urlSecretRef = new VettifyTenantSpec.SecretRef(tenantId + "-redis-url");
        tenant = create(client, prepared);

        var missing = awaitTenant(client, tenant, "RedisReady False SecretMissing",
                t -> isFalseBecause(t, "RedisReady", "SecretMissing"));
        assertThat(condition(missing, "RedisReady").orElseThrow().getMessage()).contains(tenantId + "-redis-url");
        assertThat(condition(missing, "Ready").orElseThrow().getStatus()).isEqualTo("False");

        var namespace = tenant.getMetadata().getNamespace();
        var url = "rediss://default:s3cret@cache.example.internal:6380/2";
        createSecret(client, namespace, tenantId + "-redis-url", Map.of("url", url));
        awaitTenant(client, tenant, "RedisReady and RuntimeAvailable",
                t -> isTrue(t, "RedisReady") && isTrue(t, "RuntimeAvailable"));
        assertThat(secretData(client, namespace, "vettify-" + tenantId + "-runtime").get("VETTIFY_REDIS_URL"))
                .isEqualTo(url);
        var name = "vettify-" + tenantId + "-redis";
        assertThat(client.apps().statefulSets().inNamespace(namespace).withName(name).get()).isNull();
        assertThat(client.services().inNamespace(namespace).withName(name).get()).isNull();
        assertThat(client.secrets().inNamespace(namespace).withName(name).get()).isNull();
    }

    @Test
    void switchingFromDedicatedToExternalRemovesTheDedicatedRedis() {
        var tenantId = newTenantId("redis-sw");
        tenant = create(client, prepare(client, tenantId));
        awaitTenant(client, tenant, "RuntimeAvailable", t -> isTrue(t, "RuntimeAvailable"));
        var namespace = tenant.getMetadata().getNamespace();
        var name = "vettify-" + tenantId + "-redis";
        assertThat(client.apps().statefulSets().inNamespace(namespace).withName(name).get()).isNotNull();

        var url = "redis://cache.example.internal:6379/0";
        createSecret(client, namespace, tenantId + "-redis-url", Map.of("url", url));
        client.resources(VettifyTenant.class).inNamespace(namespace).withName(tenantId).edit(t -> {
            t.getSpec().redis.mode = VettifyTenantSpec.RedisMode.External;
            t.getSpec().redis.urlSecretRef = new VettifyTenantSpec.SecretRef(tenantId + "-redis-url");
            return t;
        });

        await("the dedicated Redis removed").atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() ->
                client.apps().statefulSets().inNamespace(namespace).withName(name).get() == null
                        && client.services().inNamespace(namespace).withName(name).get() == null
                        && client.secrets().inNamespace(namespace).withName(name).get() == null);
        await("the runtime Secret's Redis URL").atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() ->
                url.equals(secretData(client, namespace, "vettify-" + tenantId + "-runtime").get("VETTIFY_REDIS_URL")));
        awaitTenant(client, tenant, "RedisReady", t -> isTrue(t, "RedisReady"));
    }
}
