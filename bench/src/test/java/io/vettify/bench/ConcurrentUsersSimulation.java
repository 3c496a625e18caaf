package io.vettify.bench;

import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Roadmap step 446: bench.sloUsers (1000) concurrent users on the mixed flow; SLO p95 < 250 ms and no 5xx. */
public class ConcurrentUsersSimulation extends CrmSimulation {

    {
        setUp(scenario("concurrent-users").exec(MixedFlow.user(SETTINGS))
                .injectOpen(rampUsers(SETTINGS.sloUsers()).during(10)))
                .protocols(connectionPerUser())
                .maxDuration(SETTINGS.flowDuration().plusSeconds(60));
    }

    @Override
    protected String scenarioName() {
        return "concurrent-users";
    }

    @Override
    protected String description() {
        return "roadmap step 446: " + SETTINGS.sloUsers() + " concurrent users, mixed CRM flow, think time "
                + SETTINGS.thinkMin().toMillis() + "-" + SETTINGS.thinkMax().toMillis()
                + " ms, connection per user; SLO p95 < 250 ms, no 5xx";
    }
}
