package io.vettify.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
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
            long lead = tenantWide(random.nextLong(SETTINGS.leadsPerTenant()) + 1);
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

    /** Seeded leads with n % 10 in {0, 1} belong to a warehouse; move n to a tenant-wide one. */
    private static long tenantWide(long n) {
        return n % 10 < 2 ? Math.min(n + 2, SETTINGS.leadsPerTenant()) : n;
    }

    static ChainBuilder caller() {
        return feed(callersFeeder());
    }

    static ChainBuilder listLeads() {
        return exec(http("list leads: first page").get("/v1/crm/leads?limit=50")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().is(200), jsonPath("$.nextCursor").optional().saveAs("cursor")))
                .doIf(session -> session.contains("cursor") && session.getString("cursor") != null).then(
                        exec(http("list leads: next page").get("/v1/crm/leads")
                                .queryParam("limit", "50").queryParam("cursor", "#{cursor}")
                                .header("Authorization", "Bearer #{token}")
                                .check(status().is(200))))
                .exec(http("list leads: status filter").get("/v1/crm/leads?status=NEW&limit=50")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)))
                .exec(http("list leads: q search").get("/v1/crm/leads?limit=20")
                        .queryParam("q", "#{search}")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)));
    }

    static ChainBuilder getLead() {
        return exec(http("get lead").get("/v1/crm/leads/#{leadId}")
                .header("Authorization", "Bearer #{token}").check(status().is(200)));
    }

    static ChainBuilder createLead() {
        return exec(http("create lead").post("/v1/crm/leads")
                .header("Authorization", "Bearer #{token}")
                .body(StringBody("{\"email\":\"#{email}\",\"firstName\":\"Ana\",\"lastName\":\"Load\","
                        + "\"company\":\"#{company}\",\"source\":\"WEB\"}"))
                .check(status().is(201), jsonPath("$.id").saveAs("newLeadId")));
    }

    static ChainBuilder qualifyAndConvert() {
        return createLead()
                .exec(http("qualify lead").post("/v1/crm/leads/#{newLeadId}/qualify")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)))
                .exec(http("convert lead").post("/v1/crm/leads/#{newLeadId}/convert")
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody("{\"amount\":1000}"))
                        .check(status().is(200)));
    }

    static ChainBuilder changeStage() {
        return exec(http("change opportunity stage").post("/v1/crm/opportunities/#{opportunityId}/stage")
                .header("Authorization", "Bearer #{token}")
                .body(StringBody("{\"stage\":\"#{stage}\"}"))
                .check(status().is(200)));
    }

    static ChainBuilder listOpportunities() {
        return exec(http("list opportunities").get("/v1/crm/opportunities?limit=50")
                .header("Authorization", "Bearer #{token}").check(status().is(200)));
    }
}
