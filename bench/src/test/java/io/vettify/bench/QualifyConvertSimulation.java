package io.vettify.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Throughput: bench.users concurrent users, each request right after the previous answer, for bench.durationSeconds. */
public class QualifyConvertSimulation extends CrmSimulation {

    {
        setUp(scenario("qualify-convert").exec(Flows.caller(), Flows.qualifyAndConvert())
                .injectClosed(constantConcurrentUsers(SETTINGS.users()).during(SETTINGS.duration())))
                .protocols(sharedConnections())
                .maxDuration(SETTINGS.duration().plusSeconds(30));
    }

    @Override
    protected String scenarioName() {
        return "qualify-convert";
    }

    @Override
    protected String description() {
        return "create, qualify and convert a lead (account linked by name or created, contact, opportunity); " + SETTINGS.users() + " concurrent users, no think time";
    }
}
