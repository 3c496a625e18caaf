package io.vettify.operator.redis;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.vettify.operator.secrets.GeneratedSecret;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A4: a dedicated Redis 7, one replica with append-only persistence on a volume of {@code spec.redis.storage} (from
 * the cluster's default StorageClass), its password from {@link RedisPasswordSecret}, running as the image's
 * unprivileged redis user on a read-only root file system. {@link RedisReadyCondition} waits for its ready replica.
 */
@KubernetesDependent(informer = @Informer(labelSelector = GeneratedSecret.SELECTOR))
public class RedisStatefulSet extends DedicatedRedisResource<StatefulSet> {

    /** The uid and gid of the redis user in the official image. */
    private static final long REDIS_USER = 999L;
    private static final String DATA = "data";

    @ConfigProperty(name = "vettify.operator.redis-image", defaultValue = "docker.io/library/redis:7.4")
    String image;

    public RedisStatefulSet() {
        super(StatefulSet.class);
    }

    @Override
    protected StatefulSet dedicated(VettifyTenant tenant, Context<VettifyTenant> context) {
        var name = TenantNames.redis(tenant);
        return new StatefulSetBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(tenant.getMetadata().getNamespace())
                .withLabels(labels(tenant))
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withServiceName(name)
                .withNewSelector().withMatchLabels(selector(tenant)).endSelector()
                // Removing the StatefulSet (tenant deleted, or switched to External) removes its volume too.
                .withNewPersistentVolumeClaimRetentionPolicy().withWhenDeleted("Delete").withWhenScaled("Retain")
                .endPersistentVolumeClaimRetentionPolicy()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels(tenant)).endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNewSecurityContext()
                .withRunAsNonRoot(true).withRunAsUser(REDIS_USER).withRunAsGroup(REDIS_USER).withFsGroup(REDIS_USER)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewContainer()
                .withName("redis")
                .withImage(image)
                // $(REDIS_PASSWORD) is expanded by the kubelet: the password is in neither the pod spec nor a shell.
                .withArgs("redis-server", "--requirepass", "$(REDIS_PASSWORD)", "--appendonly", "yes", "--dir", "/data")
                .addNewEnv().withName("REDIS_PASSWORD").withNewValueFrom().withNewSecretKeyRef()
                .withName(name).withKey(RedisPasswordSecret.PASSWORD).endSecretKeyRef().endValueFrom().endEnv()
                // redis-cli in the probe reads the password from REDISCLI_AUTH.
                .addNewEnv().withName("REDISCLI_AUTH").withNewValueFrom().withNewSecretKeyRef()
                .withName(name).withKey(RedisPasswordSecret.PASSWORD).endSecretKeyRef().endValueFrom().endEnv()
                .addNewPort().withName("redis").withContainerPort(RedisService.PORT).withProtocol("TCP").endPort()
                .withNewReadinessProbe()
                .withNewExec().withCommand("sh", "-c", "redis-cli ping | grep -q PONG").endExec()
                .withInitialDelaySeconds(2).withPeriodSeconds(5).withTimeoutSeconds(2).withFailureThreshold(3)
                .endReadinessProbe()
                .withNewLivenessProbe()
                .withNewTcpSocket().withNewPort("redis").endTcpSocket()
                .withInitialDelaySeconds(10).withPeriodSeconds(10).withTimeoutSeconds(2).withFailureThreshold(6)
                .endLivenessProbe()
                .withNewResources()
                .addToRequests("cpu", new Quantity("50m"))
                .addToRequests("memory", new Quantity("64Mi"))
                .addToLimits("memory", new Quantity("256Mi"))
                .endResources()
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount().withName(DATA).withMountPath("/data").endVolumeMount()
                .endContainer()
                .endSpec()
                .endTemplate()
                .addNewVolumeClaimTemplate()
                .withNewMetadata().withName(DATA).withLabels(selector(tenant)).endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withNewResources().addToRequests("storage", new Quantity(tenant.getSpec().redis.storage)).endResources()
                .endSpec()
                .endVolumeClaimTemplate()
                .endSpec()
                .build();
    }
}
