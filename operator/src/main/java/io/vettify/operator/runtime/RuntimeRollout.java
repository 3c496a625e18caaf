package io.vettify.operator.runtime;

import io.fabric8.kubernetes.api.model.CapabilitiesBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SeccompProfileBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.vettify.operator.tenant.ConditionType;
import io.vettify.operator.tenant.TenantDependent;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.thirdparty.argo.Rollout;
import io.vettify.operator.thirdparty.argo.RolloutSpec;
import io.vettify.operator.thirdparty.argo.RolloutSpec.Analysis;
import io.vettify.operator.thirdparty.argo.RolloutSpec.Argument;
import io.vettify.operator.thirdparty.argo.RolloutSpec.Step;
import io.vettify.operator.thirdparty.argo.RolloutSpec.TemplateRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A6: the CRM runtime as an Argo Rollouts {@code Rollout}: {@code spec.runtime.replicas} pods of
 * {@code <image>:<version>}, configured only by the generated runtime Secret, non-root with a read-only root file
 * system. Changing the version (or anything else in the pod template) starts a canary: for each weight of
 * {@code spec.runtime.canary.steps}, {@code setWeight}, a {@code pause} of {@code spec.runtime.canary.pause}, then an
 * {@code analysis} step running {@link RuntimeAnalysisTemplate} against the canary's pods. A failed analysis aborts
 * the Rollout: the stable ReplicaSet is scaled back up and the canary's down (automatic rollback).
 *
 * <p>No {@code trafficRouting}: the local platform (and a cluster without Traefik's CRDs) has no TraefikService, so
 * the canary's weight is its share of the replicas and the Ingress routes to {@link RuntimeService} (all pods).
 *
 * <p>The workflow reconciles this only after the schema reached the version the new release needs (A8).
 */
@KubernetesDependent(informer = @Informer(labelSelector = RuntimeLabels.INFORMER_SELECTOR))
public class RuntimeRollout extends CRUDKubernetesDependentResource<Rollout, VettifyTenant> implements TenantDependent {

    static final String CONTAINER = "runtime";
    static final String CONTAINER_PORT_NAME = "http";
    static final int CONTAINER_PORT = 8080;
    static final String READY_PATH = "/q/health/ready";
    static final String LIVE_PATH = "/q/health/live";
    static final long USER = 1000L;
    static final int REVISION_HISTORY = 3;
    static final int PROGRESS_DEADLINE_SECONDS = 600;

    public RuntimeRollout() {
        super(Rollout.class);
    }

    @Override
    public ConditionType condition() {
        return ConditionType.RuntimeAvailable;
    }

    @Override
    protected Rollout desired(VettifyTenant tenant, Context<VettifyTenant> context) {
        var runtime = tenant.getSpec().runtime;
        var rollout = new Rollout();
        rollout.setMetadata(RuntimeLabels.metadata(tenant, TenantNames.runtime(tenant)));
        rollout.setSpec(new RolloutSpec(runtime.replicas, REVISION_HISTORY, PROGRESS_DEADLINE_SECONDS,
                RuntimeLabels.podSelector(tenant), podTemplate(tenant),
                new RolloutSpec.Strategy(new RolloutSpec.Canary(TenantNames.runtimeStableService(tenant),
                        TenantNames.runtimeCanaryService(tenant), steps(tenant)))));
        return rollout;
    }

    /** For each weight: setWeight, pause, analysis of the canary's pods (their pod-template hash, "Latest"). */
    static List<Step> steps(VettifyTenant tenant) {
        var canary = tenant.getSpec().runtime.canary;
        var analysis = new Analysis(List.of(new TemplateRef(TenantNames.runtimeAnalysisTemplate(tenant))),
                List.of(Argument.podTemplateHash(RuntimeAnalysisTemplate.CANARY_HASH_ARG, "Latest")));
        var steps = new ArrayList<Step>();
        for (var weight : canary.steps) {
            steps.add(Step.setWeight(weight));
            steps.add(Step.pause(canary.pause));
            steps.add(Step.analysis(analysis));
        }
        return steps;
    }

    static String image(VettifyTenant tenant) {
        return tenant.getSpec().runtime.image + ":" + tenant.getSpec().runtime.version;
    }

    private static PodTemplateSpec podTemplate(VettifyTenant tenant) {
        var labels = RuntimeLabels.common(tenant);
        labels.put(RuntimeLabels.VERSION, tenant.getSpec().runtime.version);
        var container = new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(image(tenant))
                .withImagePullPolicy("IfNotPresent")
                .withPorts(new ContainerPortBuilder().withName(CONTAINER_PORT_NAME).withContainerPort(CONTAINER_PORT)
                        .withProtocol("TCP").build())
                .withEnvFrom(new EnvFromSourceBuilder().withNewSecretRef()
                        .withName(TenantNames.runtimeSecret(tenant)).withOptional(false).endSecretRef().build())
                .withStartupProbe(probe(LIVE_PATH, 2, 60))
                .withReadinessProbe(probe(READY_PATH, 10, 3))
                .withLivenessProbe(probe(LIVE_PATH, 10, 3))
                .withResources(new ResourceRequirementsBuilder()
                        .withRequests(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("512Mi")))
                        .withLimits(Map.of("memory", new Quantity("1Gi")))
                        .build())
                .withSecurityContext(new SecurityContextBuilder()
                        .withRunAsNonRoot(true)
                        .withRunAsUser(USER)
                        .withRunAsGroup(USER)
                        .withReadOnlyRootFilesystem(true)
                        .withAllowPrivilegeEscalation(false)
                        .withCapabilities(new CapabilitiesBuilder().withDrop("ALL").build())
                        .build())
                // Quarkus (Vert.x) writes its caches to /tmp: the only writable path.
                .withVolumeMounts(new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build())
                .build();
        return new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withTerminationGracePeriodSeconds(30L)
                .withSecurityContext(new PodSecurityContextBuilder()
                        .withRunAsNonRoot(true)
                        .withRunAsUser(USER)
                        .withRunAsGroup(USER)
                        .withFsGroup(USER)
                        .withSeccompProfile(new SeccompProfileBuilder().withType("RuntimeDefault").build())
                        .build())
                .withContainers(container)
                .withVolumes(new VolumeBuilder().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity("64Mi"))
                        .endEmptyDir().build())
                .endSpec()
                .build();
    }

    private static Probe probe(String path, int periodSeconds, int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet().withPath(path).withPort(new IntOrString(CONTAINER_PORT_NAME)).endHttpGet()
                .withPeriodSeconds(periodSeconds)
                .withFailureThreshold(failureThreshold)
                .withTimeoutSeconds(2)
                .build();
    }
}
