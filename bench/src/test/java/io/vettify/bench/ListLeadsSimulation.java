package io.vettify.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Throughput: bench.users concurrent users, each request right after the previous answer, for bench.durationSeconds. */
public class ListLeadsSimulation extends CrmSimulation {

    {
        setUp(scenario("list-leads").exec(Flows.caller(), Flows.listLeads())
                .injectClosed(constantConcurrentUsers(SETTINGS.users()).during(SETTINGS.duration())))
                .protocols(sharedConnections())
                .maxDuration(SETTINGS.duration().plusSeconds(30));
    }

    @Override
    protected String scenarioName() {
        return "list-leads";
    }

    @Override
    protected String description() {
        return "list leads: first page, next page (keyset cursor), status filter, q search; " + SETTINGS.users() + " concurrent users, no think time";
    }
}
