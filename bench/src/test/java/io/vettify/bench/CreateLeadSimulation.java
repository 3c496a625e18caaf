package io.vettify.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Throughput: bench.users concurrent users, each request right after the previous answer, for bench.durationSeconds. */
public class CreateLeadSimulation extends CrmSimulation {

    {
        setUp(scenario("create-lead").exec(Flows.caller(), Flows.createLead())
                .injectClosed(constantConcurrentUsers(SETTINGS.users()).during(SETTINGS.duration())))
                .protocols(sharedConnections())
                .maxDuration(SETTINGS.duration().plusSeconds(30));
    }

    @Override
    protected String scenarioName() {
        return "create-lead";
    }

    @Override
    protected String description() {
        return "create a lead (row + outbox event in one transaction); " + SETTINGS.users() + " concurrent users, no think time";
    }
}
