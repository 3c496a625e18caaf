package io.vettify.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.time.Duration;

/**
 * Fault behaviour under load: {@code ./vettify bench api} restarts PostgreSQL while this runs (reads and writes,
 * bench.users users). Expected: 503 problem+json while it is away — never a 500, never a hang — and 200/201 again
 * once it is back, without restarting the runtime. The report shows the statuses and the slowest answer.
 */
public class DatabaseRestartSimulation extends CrmSimulation {

    static final Duration DURATION = Duration.ofSeconds(60);

    {
        setUp(scenario("database-restart").exec(Flows.caller(), randomSwitch().on(
                                percent(70.0).then(Flows.getLead()),
                                percent(30.0).then(Flows.createLead())))
                .injectClosed(constantConcurrentUsers(Math.min(16, SETTINGS.users())).during(DURATION)))
                .protocols(sharedConnections())
                .maxDuration(DURATION.plusSeconds(60));
    }

    @Override
    protected String scenarioName() {
        return "database-restart";
    }

    @Override
    protected String description() {
        return "PostgreSQL restarted (pg_ctl restart -m fast) 20 s into 60 s of reads (70 %) and creates (30 %) by "
                + Math.min(16, SETTINGS.users()) + " users; expected 503 while it is away, no 500, recovery by itself";
    }
}
