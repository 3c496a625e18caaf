package io.vettify.bench;

import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;

import io.gatling.javaapi.core.ChainBuilder;

/**
 * The roadmap's CRM user: for the whole run, a random action (list/search leads 35 %, open a lead 25 %, list
 * opportunities 10 %, create a lead 15 %, move an opportunity 10 %, qualify and convert a lead 5 %), then think.
 */
final class MixedFlow {

    private MixedFlow() {
    }

    static ChainBuilder user(BenchSettings settings) {
        return during(settings.flowDuration()).on(
                exec(Flows.caller()).exec(randomSwitch().on(
                                percent(35.0).then(Flows.listLeads()),
                                percent(25.0).then(Flows.getLead()),
                                percent(10.0).then(Flows.listOpportunities()),
                                percent(15.0).then(Flows.createLead()),
                                percent(10.0).then(Flows.changeStage()),
                                percent(5.0).then(Flows.qualifyAndConvert())))
                        .exec(pause(settings.thinkMin(), settings.thinkMax())));
    }
}
