package io.vettify.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Throughput: bench.users concurrent users, each request right after the previous answer, for bench.durationSeconds. */
public class StageChangeSimulation extends CrmSimulation {

    {
        setUp(scenario("stage-change").exec(Flows.caller(), Flows.changeStage())
                .injectClosed(constantConcurrentUsers(SETTINGS.users()).during(SETTINGS.duration())))
                .protocols(sharedConnections())
                .maxDuration(SETTINGS.duration().plusSeconds(30));
    }

    @Override
    protected String scenarioName() {
        return "stage-change";
    }

    @Override
    protected String description() {
        return "change a seeded opportunity's stage (open stages); " + SETTINGS.users() + " concurrent users, no think time";
    }
}
