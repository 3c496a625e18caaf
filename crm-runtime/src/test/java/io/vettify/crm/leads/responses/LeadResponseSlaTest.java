package io.vettify.crm.leads.responses;

import static io.vettify.crm.leads.responses.LeadResponseProbe.count;
import static io.vettify.crm.leads.responses.LeadResponseProbe.deadline;
import static io.vettify.crm.leads.responses.LeadResponseProbe.expireDeadline;
import static io.vettify.crm.leads.responses.LeadResponseProbe.settlement;
import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Api.asWarehouse;
import static io.vettify.crm.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Fixtures;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The lead-response SLI against the real database: a lead created NEW is due within the SLA (2 h); leaving NEW in time
 * counts it responded, late or not at all (the sweep) missed — each lead once, under its own tenant. Time passing is
 * simulated by moving the lead's deadline into the past, never by waiting.
 */
@QuarkusTest
class LeadResponseSlaTest {

    private static final String LEADS = "/v1/crm/leads/";
    private static final String RESPONDED = "responded";
    private static final String MISSED = "missed";

    @Inject
    LeadResponseSweeper sweeper;

    private final String tenant = Api.newTenant();

    private String newLead(String email) {
        return Fixtures.lead(tenant, obj("email", email, "company", "Delta Logistic SRL"));
    }

    @Test
    void aLeadCreatedNewIsDueTwoHoursAfterItsCreationAndOneCreatedAnsweredIsNotTracked() {
        String fresh = newLead("fresh@sla.example");
        assertThat(deadline(fresh)).containsEntry("tid", tenant).containsEntry("whid", null);
        assertThat(((Number) deadline(fresh).get("sla_seconds")).doubleValue()).isEqualTo(7200.0);
        assertThat(settlement(fresh)).containsEntry("status", "NEW").containsEntry("response_outcome", null);

        String contacted = Fixtures.lead(tenant, obj("email", "called@sla.example", "status", "CONTACTED"));
        assertThat(deadline(contacted)).isEmpty();
        as(tenant).post(LEADS + contacted + "/qualify").then().statusCode(200);
        assertThat(settlement(contacted)).containsEntry("response_outcome", null);
        assertThat(count(tenant, RESPONDED)).isZero();
    }

    @Test
    void leavingNewWithinTheSlaIsRespondedOnceWhicheverWayTheStatusChanges() {
        String put = newLead("put@sla.example");
        String patched = newLead("patch@sla.example");
        String qualified = newLead("qualify@sla.example");

        as(tenant).body(obj("email", "put@sla.example", "status", "CONTACTED", "version", 0)).put(LEADS + put)
                .then().statusCode(200);
        as(tenant).contentType("application/merge-patch+json").body(obj("status", "DISQUALIFIED", "version", 0))
                .patch(LEADS + patched).then().statusCode(200);
        as(tenant).post(LEADS + qualified + "/qualify").then().statusCode(200);

        // counted when each change committed, before its answer
        assertThat(count(tenant, RESPONDED)).isEqualTo(3.0);
        for (String lead : new String[] {put, patched, qualified}) {
            assertThat(settlement(lead)).containsEntry("response_outcome", "RESPONDED")
                    .extractingByKey("first_response_at").isNotNull();
            assertThat(deadline(lead)).isEmpty();
        }

        // later changes are no first response
        as(tenant).post(LEADS + put + "/qualify").then().statusCode(200);
        as(tenant).body("{}").post(LEADS + put + "/convert").then().statusCode(200);
        as(tenant).body("{}").post(LEADS + qualified + "/convert").then().statusCode(200);
        as(tenant).body(obj("email", "patch@sla.example", "status", "NEW", "version", 1)).put(LEADS + patched)
                .then().statusCode(200);
        as(tenant).body(obj("email", "patch@sla.example", "status", "CONTACTED", "version", 2)).put(LEADS + patched)
                .then().statusCode(200);
        sweeper.sweep();
        assertThat(count(tenant, RESPONDED)).isEqualTo(3.0);
        assertThat(count(tenant, MISSED)).isZero();
    }

    @Test
    void aLeadAnsweredAfterItsDeadlineIsMissedAndCountedOnce() {
        String late = newLead("late@sla.example");
        expireDeadline(late);

        // whether the sweep or the answer settles it first, it is settled once, as missed
        as(tenant).body(obj("email", "late@sla.example", "status", "CONTACTED", "version", 0)).put(LEADS + late)
                .then().statusCode(200);
        sweeper.sweep();
        sweeper.sweep();

        // a sweep that won counts right after its commit, which may be a moment after the answer it held up
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(count(tenant, MISSED)).isEqualTo(1.0));
        assertThat(count(tenant, RESPONDED)).isZero();
        assertThat(settlement(late)).containsEntry("status", "CONTACTED").containsEntry("response_outcome", "MISSED")
                .extractingByKey("first_response_at").isNotNull();
        assertThat(deadline(late)).isEmpty();
    }

    @Test
    void theSweepSettlesOverdueNewLeadsAsMissedOnceAndAnAnswerLaterCountsNothing() {
        String tenantWide = newLead("waiting@sla.example");
        String inCluj = asWarehouse(tenant, "cluj").body(obj("email", "cluj@sla.example", "whid", "cluj"))
                .post("/v1/crm/leads").then().statusCode(201).extract().path("id");
        String inTime = newLead("in-time@sla.example");
        expireDeadline(tenantWide);
        expireDeadline(inCluj);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count(tenant, MISSED)).isEqualTo(2.0));
        assertThat(settlement(tenantWide)).containsEntry("status", "NEW").containsEntry("response_outcome", "MISSED")
                .containsEntry("first_response_at", null);
        assertThat(settlement(inCluj)).containsEntry("response_outcome", "MISSED");
        assertThat(settlement(inTime)).containsEntry("response_outcome", null);
        assertThat(deadline(inTime)).isNotEmpty();

        sweeper.sweep();
        sweeper.sweep();
        // a deadline that turned up again for a settled lead (e.g. restored from a backup) settles nothing twice
        LeadResponseProbe.update("INSERT INTO crm_messaging.lead_response_due (tid, lead_id, due_at) "
                + "VALUES (?, ?, now() - interval '1 minute')", tenant, UUID.fromString(tenantWide));
        await().atMost(Duration.ofSeconds(10)).until(() -> deadline(tenantWide).isEmpty());
        as(tenant).body(obj("email", "waiting@sla.example", "status", "CONTACTED", "version", 0))
                .put(LEADS + tenantWide).then().statusCode(200);

        assertThat(count(tenant, MISSED)).isEqualTo(2.0);
        assertThat(count(tenant, RESPONDED)).isZero();
        assertThat(settlement(tenantWide)).containsEntry("response_outcome", "MISSED")
                .extractingByKey("first_response_at").isNotNull();
    }

    @Test
    void eachTenantsLeadsAreSettledAndCountedUnderItsOwnTid() {
        String other = Api.newTenant();
        String mine = newLead("mine@sla.example");
        String theirs = Fixtures.lead(other, obj("email", "theirs@sla.example"));
        String theirsInTime = Fixtures.lead(other, obj("email", "answered@sla.example"));
        expireDeadline(mine);
        expireDeadline(theirs);
        as(other).post(LEADS + theirsInTime + "/qualify").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count(tenant, MISSED)).isEqualTo(1.0);
            assertThat(count(other, MISSED)).isEqualTo(1.0);
        });
        assertThat(count(other, RESPONDED)).isEqualTo(1.0);
        assertThat(count(tenant, RESPONDED)).isZero();
        assertThat(settlement(mine)).containsEntry("tid", tenant).containsEntry("response_outcome", "MISSED");
        assertThat(settlement(theirs)).containsEntry("tid", other).containsEntry("response_outcome", "MISSED");
    }

    @Test
    void aNewLeadMovedToAWarehouseIsSweptInThatWarehouse() {
        String moved = asWarehouse(tenant, "iasi").body(obj("email", "moving@sla.example"))
                .post("/v1/crm/leads").then().statusCode(201).extract().path("id");
        asWarehouse(tenant, "iasi").body(obj("email", "moving@sla.example", "whid", "iasi", "version", 0))
                .put(LEADS + moved).then().statusCode(200);
        assertThat(deadline(moved)).containsEntry("whid", "iasi");
        expireDeadline(moved);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count(tenant, MISSED)).isEqualTo(1.0));
        assertThat(settlement(moved)).containsEntry("response_outcome", "MISSED");
    }
}
