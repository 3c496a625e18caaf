package io.vettify.operator.redis;

import static io.vettify.operator.tenant.ConditionType.Ready;
import static io.vettify.operator.tenant.ConditionType.RedisReady;
import static io.vettify.operator.tenant.ConditionType.RuntimeAvailable;
import static io.vettify.operator.testing.Tenants.TIMEOUT;
import static io.vettify.operator.testing.Tenants.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec;
import io.vettify.operator.tenant.VettifyTenantSpec.DeletionPolicy;
import io.vettify.operator.testing.OperatorInstance;
import io.vettify.operator.testing.SecretData;
import io.vettify.operator.testing.TenantFixtures;
import io.vettify.operator.testing.Tenants;
import io.vettify.platform.testing.LocalPlatformResource;
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
@QuarkusTestResource(value = LocalPlatformResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OperatorInstance.class, restrictToAnnotatedClass = false)
class RedisTest {

    @Inject
    KubernetesClient client;

    @AfterEach
    void cleanUp() {
        TenantFixtures.deleteTestNamespaces(client);
    }

    @Test
    void aDedicatedRedisGetsItsPasswordSecretHeadlessServiceAndStatefulSetAndBecomesReady() {
        var tenant = tenant("redis");
        tenant.getSpec().redis.storage = "2Gi";
        Tenants.apply(client, tenant);
        awaitCondition(client, tenant, RedisReady, "True", null);

        var namespace = tenant.getMetadata().getNamespace();
        var name = TenantNames.redis(tenant);
        var secret = client.secrets().inNamespace(namespace).withName(name).get();
        assertThat(secret.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(owner -> assertThat(owner.getName()).isEqualTo(tenant.getMetadata().getName()));
        var password = SecretData.of(client, namespace, name).get("password");
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

        awaitCondition(client, tenant, RuntimeAvailable, "True", null);
        assertThat(SecretData.of(client, namespace, TenantNames.runtimeSecret(tenant)).get("VETTIFY_REDIS_URL"))
                .isEqualTo("redis://:%s@%s.%s.svc:6379".formatted(password, name, namespace));
    }

    @Test
    void anExternalRedisWaitsForItsUrlSecretAndReportsItMissing() {
        var tenant = tenant("redis-ext");
        var urlSecret = tenant.getMetadata().getName() + "-redis-url";
        tenant.getSpec().redis.mode = VettifyTenantSpec.RedisMode.External;
        tenant.getSpec().redis.urlSecretRef = new VettifyTenantSpec.SecretRef(urlSecret);
        Tenants.apply(client, tenant);

        var missing = awaitCondition(client, tenant, RedisReady, "False", "SecretMissing");
        assertThat(missing.getMessage()).contains(urlSecret);
        assertThat(Tenants.condition(client, tenant, Ready).orElseThrow().getStatus()).isEqualTo("False");

        var namespace = tenant.getMetadata().getNamespace();
        var url = "rediss://default:s3cret@cache.example.internal:6380/2";
        TenantFixtures.createSecret(client, namespace, urlSecret, Map.of("url", url));
        awaitCondition(client, tenant, RedisReady, "True", null);
        awaitCondition(client, tenant, RuntimeAvailable, "True", null);
        assertThat(SecretData.of(client, namespace, TenantNames.runtimeSecret(tenant)).get("VETTIFY_REDIS_URL"))
                .isEqualTo(url);
        var name = TenantNames.redis(tenant);
        assertThat(client.apps().statefulSets().inNamespace(namespace).withName(name).get()).isNull();
        assertThat(client.services().inNamespace(namespace).withName(name).get()).isNull();
        assertThat(client.secrets().inNamespace(namespace).withName(name).get()).isNull();
    }

    @Test
    void switchingFromDedicatedToExternalRemovesTheDedicatedRedis() {
        var tenant = tenant("redis-sw");
        Tenants.apply(client, tenant);
        awaitCondition(client, tenant, RuntimeAvailable, "True", null);
        var namespace = tenant.getMetadata().getNamespace();
        var name = TenantNames.redis(tenant);
        assertThat(client.apps().statefulSets().inNamespace(namespace).withName(name).get()).isNotNull();

        var url = "redis://cache.example.internal:6379/0";
        var urlSecret = tenant.getMetadata().getName() + "-redis-url";
        TenantFixtures.createSecret(client, namespace, urlSecret, Map.of("url", url));
        Tenants.edit(client, tenant, t -> {
            t.getSpec().redis.mode = VettifyTenantSpec.RedisMode.External;
            t.getSpec().redis.urlSecretRef = new VettifyTenantSpec.SecretRef(urlSecret);
            return t;
        });

        await("the dedicated Redis removed").atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() ->
                client.apps().statefulSets().inNamespace(namespace).withName(name).get() == null
                        && client.services().inNamespace(namespace).withName(name).get() == null
                        && client.secrets().inNamespace(namespace).withName(name).get() == null);
        await("the runtime Secret's Redis URL").atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() ->
                url.equals(SecretData.of(client, namespace, TenantNames.runtimeSecret(tenant)).get("VETTIFY_REDIS_URL")));
        awaitCondition(client, tenant, RedisReady, "True", null);
    }

    /** A tenant (deletionPolicy Delete) with its admin Secrets, to adjust and apply. */
    private VettifyTenant tenant(String prefix) {
        var tenantId = TenantFixtures.uniqueTenantId(prefix);
        var tenant = TenantFixtures.tenant(TenantFixtures.newNamespace(client, tenantId), tenantId);
        tenant.getSpec().deletionPolicy = DeletionPolicy.Delete;
        TenantFixtures.createAdminSecrets(client, tenant);
        return tenant;
    }
}
