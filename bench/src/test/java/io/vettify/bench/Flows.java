package io.vettify.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** The CRM actions the scenarios combine; every request checks the status a correct answer has. */
final class Flows {

    private static final BenchSettings SETTINGS = BenchSettings.fromSystemProperties();
    private static final String[] OPEN_STAGES = {"PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION"};
    private static final String[] SEARCHES = {"popescu", "ionescu", "stoica", "company 12", "lead42"};
    /** One token per tenant and caller kind: tenant-wide, warehouse wh-1, warehouse wh-2. */
    private static final List<Map<String, Object>> CALLERS = callers();

    private Flows() {
    }

    private static List<Map<String, Object>> callers() {
        BenchTokens tokens = new BenchTokens(SETTINGS.signingKey());
        List<Map<String, Object>> callers = new ArrayList<>();
        for (int t = 0; t < SETTINGS.tenants(); t++) {
            String tenant = BenchSettings.tenant(t);
            callers.add(Map.of("tid", tenant, "token", tokens.token(tenant, null)));
            for (String warehouse : BenchSettings.WAREHOUSES) {
                callers.add(Map.of("tid", tenant, "token", tokens.token(tenant, warehouse)));
            }
        }
        return callers;
    }

    /** An endless feeder: a random caller, a seeded tenant-wide lead and opportunity of its tenant. */
    static Iterator<Map<String, Object>> callersFeeder() {
        return Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Map<String, Object> caller = CALLERS.get(random.nextInt(CALLERS.size()));
            String tenant = (String) caller.get("tid");
            long lead = tenantWideLead(random);
            long opportunity = random.nextLong(SETTINGS.opportunitiesPerTenant()) + 1;
            return Map.<String, Object>of(
                    "tid", tenant,
                    "token", caller.get("token"),
                    "leadId", SeedIds.of("lead", tenant, lead),
                    "opportunityId", SeedIds.of("opportunity", tenant, opportunity),
                    "stage", OPEN_STAGES[random.nextInt(OPEN_STAGES.length)],
                    "search", SEARCHES[random.nextInt(SEARCHES.length)],
                    "company", "Company " + (random.nextInt(SETTINGS.accountsPerTenant() * 2) + 1),
                    "email", "load-" + UUID.randomUUID() + "@bench.example");
        }).iterator();
    }

    /**
     * A random tenant-wide seeded lead, which every caller of the tenant may read: seeded leads 1..N with
     * n % 10 in {0, 1} belong to a warehouse, so n is 10 k + 2..9 (N is a multiple of 10).
     */
    private static long tenantWideLead(ThreadLocalRandom random) {
        return 10 * random.nextLong(SETTINGS.leadsPerTenant() / 10) + 2 + random.nextLong(8);
    }

    static ChainBuilder caller() {
        return feed(callersFeeder());
    }

    static ChainBuilder listLeads() {
        return call("list leads: first page", 200, http("list leads: first page").get("/v1/crm/leads?limit=50"),
                        jsonPath("$.nextCursor").optional().saveAs("cursor"))
                .doIf(session -> session.contains("cursor") && session.getString("cursor") != null).then(
                        call("list leads: next page", 200, http("list leads: next page").get("/v1/crm/leads")
                                .queryParam("limit", "50").queryParam("cursor", "#{cursor}")))
                .exec(session -> session.remove("cursor"))
                .exec(call("list leads: status filter", 200,
                        http("list leads: status filter").get("/v1/crm/leads?status=NEW&limit=50")))
                .exec(call("list leads: q search", 200,
                        http("list leads: q search").get("/v1/crm/leads?limit=20").queryParam("q", "#{search}")));
    }

    static ChainBuilder getLead() {
        return call("get lead", 200, http("get lead").get("/v1/crm/leads/#{leadId}"));
    }

    static ChainBuilder createLead() {
        return call("create lead", 201, http("create lead").post("/v1/crm/leads")
                        .body(StringBody("{\"email\":\"#{email}\",\"firstName\":\"Ana\",\"lastName\":\"Load\","
                                + "\"company\":\"#{company}\",\"source\":\"WEB\"}")),
                jsonPath("$.id").saveAs("newLeadId"));
    }

    static ChainBuilder qualifyAndConvert() {
        return createLead()
                .doIf(session -> session.contains("newLeadId")).then(
                        call("qualify lead", 200, http("qualify lead").post("/v1/crm/leads/#{newLeadId}/qualify"))
                                .exec(call("convert lead", 200, http("convert lead")
                                        .post("/v1/crm/leads/#{newLeadId}/convert")
                                        .body(StringBody("{\"amount\":1000}")))))
                .exec(session -> session.remove("newLeadId"));
    }

    static ChainBuilder changeStage() {
        return call("change opportunity stage", 200,
                http("change opportunity stage").post("/v1/crm/opportunities/#{opportunityId}/stage")
                        .body(StringBody("{\"stage\":\"#{stage}\"}")));
    }

    static ChainBuilder listOpportunities() {
        return call("list opportunities", 200, http("list opportunities").get("/v1/crm/opportunities?limit=50"));
    }

    /**
     * One request as the session's caller, recorded in {@link Recorder} with its latency and status (or as no
     * answer when the connection failed or timed out), and checked against the status a correct answer has.
     */
    private static ChainBuilder call(String name, int expected, HttpRequestActionBuilder request,
            CheckBuilder... saves) {
        List<CheckBuilder> checks = new ArrayList<>(List.of(status().saveAs("status"),
                responseTimeInMillis().saveAs("rt"), status().is(expected)));
        checks.addAll(List.of(saves));
        return exec(session -> session.remove("status").remove("rt").set("t0", System.nanoTime()))
                .exec(request.header("Authorization", "Bearer #{token}").check(checks))
                .exec(session -> {
                    int status = session.contains("status") ? session.getInt("status") : Recorder.NO_ANSWER;
                    long latency = session.contains("rt") ? session.getLong("rt")
                            : (System.nanoTime() - session.getLong("t0")) / 1_000_000;
                    Recorder.record(name, latency, status, expected);
                    return session;
                });
    }
}
