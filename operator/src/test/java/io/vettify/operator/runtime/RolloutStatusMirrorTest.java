package io.vettify.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.vettify.operator.runtime.RolloutStatusMirror.Canary;
import io.vettify.operator.thirdparty.argo.Rollout;
import io.vettify.operator.thirdparty.argo.RolloutSpec;
import io.vettify.operator.thirdparty.argo.RolloutSpec.Step;
import io.vettify.operator.thirdparty.argo.RolloutStatus;
import io.vettify.operator.thirdparty.argo.RolloutStatus.AnalysisRunStatus;
import io.vettify.operator.thirdparty.argo.RolloutStatus.CanaryStatus;
import io.vettify.operator.thirdparty.argo.RolloutStatus.PauseCondition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a Rollout's status becomes the tenant's runtime block and CanaryHealthy condition (no cluster needed). */
class RolloutStatusMirrorTest {

    private static final List<ReplicaSet> REPLICA_SETS = List.of(replicaSet("aaa", "1.0.0"), replicaSet("bbb", "1.1.0"));

    @Test
    void aHealthyRolloutWithoutCanaryIsHealthyOnItsStableVersion() {
        var observation = RolloutStatusMirror.observe(rollout("1.0.0",
                status("Healthy", "aaa", "aaa", 6, false, null, null)), REPLICA_SETS);

        assertThat(observation.status()).isEqualTo("True");
        assertThat(observation.reason()).isEqualTo("Healthy");
        assertThat(observation.canary()).isEqualTo(Canary.NONE);
        assertThat(observation.runtime().stableVersion).isEqualTo("1.0.0");
        assertThat(observation.runtime().canaryVersion).isNull();
        assertThat(observation.runtime().canaryWeight).isZero();
        assertThat(observation.runtime().currentStep).isEqualTo(6);
    }

    @Test
    void aCanaryWalkingItsStepsIsProgressingWithTheWeightOfItsLastSetWeight() {
        var analysis = new AnalysisRunStatus("web-bbb-2-5", "Running", "");
        var observation = RolloutStatusMirror.observe(rollout("1.1.0",
                status("Paused", "aaa", "bbb", 4, false, analysis, null)), REPLICA_SETS);

        assertThat(observation.status()).isEqualTo("Unknown");
        assertThat(observation.reason()).isEqualTo("CanaryProgressing");
        assertThat(observation.message()).isEqualTo("canary 1.1.0: step 4 of 6, weight 50% (stable 1.0.0)");
        assertThat(observation.canary()).isEqualTo(Canary.PROGRESSING);
        assertThat(observation.runtime().stableVersion).isEqualTo("1.0.0");
        assertThat(observation.runtime().canaryVersion).isEqualTo("1.1.0");
        assertThat(observation.runtime().canaryWeight).isEqualTo(50);
        assertThat(observation.runtime().analysisRun).isEqualTo("web-bbb-2-5");
        assertThat(observation.runtime().rolloutPhase).isEqualTo("Paused");
    }

    @Test
    void pastTheLastStepTheCanaryHasAllTheWeightUntilItBecomesStable() {
        var observation = RolloutStatusMirror.observe(rollout("1.1.0",
                status("Progressing", "aaa", "bbb", 6, false, null, null)), REPLICA_SETS);

        assertThat(observation.runtime().canaryWeight).isEqualTo(100);
        assertThat(observation.canary()).isEqualTo(Canary.PROGRESSING);
    }

    @Test
    void anAbortAfterAFailedAnalysisIsDegradedWithTheAnalysisMessage() {
        var analysis = new AnalysisRunStatus("web-bbb-2-2", "Failed",
                "Metric \"error-rate\" assessed Failed due to failed (1) > failureLimit (0)");
        var observation = RolloutStatusMirror.observe(rollout("1.1.0", status("Degraded", "aaa", "bbb", 0, true, analysis,
                "RolloutAborted: Rollout aborted update to revision 2")), REPLICA_SETS);

        assertThat(observation.status()).isEqualTo("False");
        assertThat(observation.reason()).isEqualTo("AnalysisFailed");
        assertThat(observation.message()).isEqualTo("canary 1.1.0 aborted, back on 1.0.0: Metric \"error-rate\" assessed"
                + " Failed due to failed (1) > failureLimit (0) (AnalysisRun web-bbb-2-2 Failed)");
        assertThat(observation.canary()).isEqualTo(Canary.DEGRADED);
        assertThat(observation.runtime().canaryWeight).isZero();
        assertThat(observation.runtime().message).startsWith("Metric \"error-rate\"");
    }

    @Test
    void anAbortWithoutAFailedAnalysisIsARolloutAbort() {
        var observation = RolloutStatusMirror.observe(rollout("1.1.0", status("Degraded", "aaa", "bbb", 1, true, null,
                "RolloutAborted: Rollout aborted update to revision 2")), REPLICA_SETS);

        assertThat(observation.reason()).isEqualTo("RolloutAborted");
        assertThat(observation.message()).endsWith("RolloutAborted: Rollout aborted update to revision 2");
    }

    @Test
    void anInconclusiveAnalysisPausesTheCanary() {
        var analysis = new AnalysisRunStatus("web-bbb-2-2", "Inconclusive", "");
        var status = new RolloutStatus("Paused", "", false, "bbb", "aaa", 2, 4, 1, 4, 4, "2",
                new CanaryStatus(analysis, null, null),
                List.of(new PauseCondition("InconclusiveAnalysisRun", "2026-01-01T00:00:00Z")), null);

        var observation = RolloutStatusMirror.observe(rollout("1.1.0", status), REPLICA_SETS);

        assertThat(observation.reason()).isEqualTo("AnalysisInconclusive");
        assertThat(observation.canary()).isEqualTo(Canary.PROGRESSING);
    }

    @Test
    void aRolloutTheControllerHasNotObservedYetIsPending() {
        var status = new RolloutStatus("Healthy", null, false, "aaa", "aaa", 6, 4, 4, 4, 4, "1", null, null, null);

        var observation = RolloutStatusMirror.observe(rollout("1.1.0", status), REPLICA_SETS);

        assertThat(observation.status()).isEqualTo("Unknown");
        assertThat(observation.reason()).isEqualTo("RolloutPending");
    }

    private static RolloutStatus status(String phase, String stable, String current, int step, boolean abort,
            AnalysisRunStatus analysis, String message) {
        return new RolloutStatus(phase, message, abort, current, stable, step, 4, 4, 4, 4, "2",
                new CanaryStatus(analysis, null, null), null, null);
    }

    /** A Rollout at generation 2 with the steps of weights 25 and 50 (setWeight, pause, analysis each). */
    private static Rollout rollout(String version, RolloutStatus status) {
        var rollout = new Rollout();
        rollout.setMetadata(new ObjectMetaBuilder().withName("web").withGeneration(2L).build());
        var steps = List.of(Step.setWeight(25), Step.pause("1m"), Step.analysis(null),
                Step.setWeight(50), Step.pause("1m"), Step.analysis(null));
        rollout.setSpec(new RolloutSpec(4, 3, 600, null, new PodTemplateSpecBuilder().withNewMetadata()
                .addToLabels(RuntimeLabels.VERSION, version).endMetadata().build(),
                new RolloutSpec.Strategy(new RolloutSpec.Canary("web-stable", "web-canary", steps))));
        rollout.setStatus(status);
        return rollout;
    }

    private static ReplicaSet replicaSet(String hash, String version) {
        return new ReplicaSetBuilder().withNewMetadata().withName("web-" + hash)
                .addToLabels(RuntimeLabels.POD_TEMPLATE_HASH, hash).addToLabels(RuntimeLabels.VERSION, version)
                .endMetadata().build();
    }
}
