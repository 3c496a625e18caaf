package io.vettify.bench;

import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Roadmap step 399: the mixed CRM flow with bench.mixedUsers (100) virtual users; target error rate below 1 %. */
public class MixedFlowSimulation extends CrmSimulation {

    {
        setUp(scenario("mixed-flow").exec(MixedFlow.user(SETTINGS))
                .injectOpen(rampUsers(SETTINGS.mixedUsers()).during(5)))
                .protocols(connectionPerUser())
                .maxDuration(SETTINGS.flowDuration().plusSeconds(60));
    }

    @Override
    protected String scenarioName() {
        return "mixed-flow";
    }

    @Override
    protected String description() {
        return "roadmap step 399: " + SETTINGS.mixedUsers() + " virtual users, mixed CRM flow, think time "
                + SETTINGS.thinkMin().toMillis() + "-" + SETTINGS.thinkMax().toMillis() + " ms, connection per user";
    }
}
