package io.vettify.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Throughput: bench.users concurrent users, each request right after the previous answer, for bench.durationSeconds. */
public class GetLeadSimulation extends CrmSimulation {

    {
        setUp(scenario("get-lead").exec(Flows.caller(), Flows.getLead())
                .injectClosed(constantConcurrentUsers(SETTINGS.users()).during(SETTINGS.duration())))
                .protocols(sharedConnections())
                .maxDuration(SETTINGS.duration().plusSeconds(30));
    }

    @Override
    protected String scenarioName() {
        return "get-lead";
    }

    @Override
    protected String description() {
        return "get a seeded lead by id; " + SETTINGS.users() + " concurrent users, no think time";
    }
}
