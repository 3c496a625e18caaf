package io.vettify.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.time.Duration;

/** Not reported: warms the runtime's JIT and pools with every action before the measured scenarios. */
public class WarmUpSimulation extends CrmSimulation {

    {
        setUp(scenario("warm-up").exec(Flows.caller(), Flows.listLeads(), Flows.getLead(), Flows.listOpportunities(),
                        Flows.createLead(), Flows.changeStage(), Flows.qualifyAndConvert())
                .injectClosed(constantConcurrentUsers(8).during(Duration.ofSeconds(15))))
                .protocols(sharedConnections())
                .maxDuration(Duration.ofSeconds(60));
    }

    @Override
    protected String scenarioName() {
        return "warm-up";
    }

    @Override
    protected String description() {
        return "warm-up (not reported)";
    }
}
