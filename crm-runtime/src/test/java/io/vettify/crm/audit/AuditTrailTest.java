package io.vettify.crm.audit;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Problems.assertInvalid;
import static io.vettify.crm.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.tenancy.TenantScope;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Database;
import io.vettify.crm.testing.Fixtures;
import io.vettify.crm.testing.TenantSql;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * B11: actions land in a per-tenant hash chain; the CSV export verifies with openssl against the published key and a
 * changed byte does not; the verification finds deleted and modified entries; concurrent appends keep one chain.
 */
@QuarkusTest
class AuditTrailTest {

    private static final String AUDIT = "/v1/crm/audit";

    @Inject
    AuditTrail trail;

    @Inject
    TenantScope tenantScope;

    @Test
    void aConversionAndAReopeningAreAuditedWithDigestsOnly() {
        String tenant = Api.newTenant();
        String lead = convertedLead(tenant, "ana.ionescu@audit.example");
        String opportunity = reopenedOpportunity(tenant);

        String csv = exportCsv(tenant).asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(AuditCsv.HEADER.strip());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith(tenant + ",1,").contains(",user-of-" + tenant + ",,lead.converted,lead,"
                + lead + ",");
        assertThat(lines.get(2)).startsWith(tenant + ",2,").contains(",opportunity.reopened,opportunity,"
                + opportunity + ",");
        assertThat(csv).as("digests, never personal data").doesNotContain("ionescu").doesNotContain("audit.example");
        String[] first = lines.get(1).split(",", -1);
        assertThat(first[9]).matches("[0-9a-f]{64}");
        assertThat(first[10]).matches("[0-9a-f]{64}").isNotEqualTo(first[9]);
        assertThat(first[11]).isEqualTo(AuditChain.GENESIS);
        assertThat(lines.get(2).split(",", -1)[11]).as("entry 2 links to entry 1").isEqualTo(first[12]);

        as(tenant).get(AUDIT + "/verify").then().statusCode(200);
        Map<String, Object> verification = as(tenant).get(AUDIT + "/verify").jsonPath().getMap("");
        assertThat(verification).containsEntry("valid", true).containsEntry("entries", 2)
                .containsEntry("lastHash", lines.get(2).split(",", -1)[12]).containsEntry("brokenAtSeq", null);
    }

    @Test
    void theExportVerifiesWithOpensslAndOneChangedByteDoesNot() throws Exception {
        String tenant = Api.newTenant();
        convertedLead(tenant, "vlad@audit.example");
        reopenedOpportunity(tenant);

        Response export = exportCsv(tenant);
        String untilSeq = export.header(AuditResource.UNTIL_SEQ_HEADER);
        assertThat(untilSeq).isEqualTo("2");
        assertThat(export.header("Link")).isEqualTo("</v1/crm/audit/export.sig?untilSeq=2>; rel=\"signature\"");
        byte[] csv = export.asByteArray();
        Path files = Files.createTempDirectory("audit-export");
        Path csvFile = Files.write(files.resolve("audit.csv"), csv);
        Path signature = Files.write(files.resolve("audit.sig"), Base64.getDecoder().decode(signature(tenant, untilSeq)));
        Path publicKey = Files.writeString(files.resolve("audit.pub.pem"),
                as(tenant, Scopes.READ).accept("application/x-pem-file").get(AUDIT + "/public-key")
                        .then().statusCode(200).extract().asString());

        assertThat(openssl(publicKey, signature, csvFile)).isEqualTo("Verified OK");

        byte[] tampered = csv.clone();
        int lastHashDigit = tampered.length - 2;
        tampered[lastHashDigit] = (byte) (tampered[lastHashDigit] == '0' ? '1' : '0');
        Path tamperedFile = Files.write(files.resolve("tampered.csv"), tampered);
        assertThat(openssl(publicKey, signature, tamperedFile)).isEqualTo("Verification failure");
    }

    @Test
    void theSameRangeGivesTheSameBytesAfterTheChainGrew() {
        String tenant = Api.newTenant();
        convertedLead(tenant, "mara@audit.example");
        byte[] first = exportCsv(tenant).asByteArray();
        reopenedOpportunity(tenant);

        byte[] again = as(tenant).accept(AuditResource.TEXT_CSV).queryParam("untilSeq", 1).get(AUDIT + "/export")
                .then().statusCode(200).extract().asByteArray();
        assertThat(again).isEqualTo(first);
        assertThat(exportCsv(tenant).asString().lines()).hasSize(3);

        String from = exportCsv(tenant).asString().lines().skip(2).findFirst().orElseThrow().split(",")[3];
        String windowed = as(tenant).accept(AuditResource.TEXT_CSV).queryParam("from", from).get(AUDIT + "/export")
                .then().statusCode(200).extract().asString();
        assertThat(windowed.lines().skip(1)).singleElement().asString().contains("opportunity.reopened");
    }

    @Test
    void theChainDetectsADeletedEntry() throws SQLException {
        String tenant = tenantWithEntries(4);
        assertVerification(tenant, true, null);

        asSuperuser("DELETE FROM crm.audit_log WHERE tid = ? AND seq = 2", tenant);

        Map<String, Object> verification = assertVerification(tenant, false, 2);
        assertThat((String) verification.get("problem")).contains("entry 2 is missing");
    }

    @Test
    void theChainDetectsEntriesRemovedFromItsEnd() throws SQLException {
        String tenant = tenantWithEntries(3);
        asSuperuser("DELETE FROM crm.audit_log WHERE tid = ? AND seq = 3", tenant);

        Map<String, Object> verification = assertVerification(tenant, false, 3);
        assertThat((String) verification.get("problem")).contains("ends before its head");
    }

    @Test
    void theChainDetectsAModifiedEntry() throws SQLException {
        String tenant = tenantWithEntries(3);
        asSuperuser("UPDATE crm.audit_log SET actor = 'someone-else' WHERE tid = ? AND seq = 2", tenant);

        Map<String, Object> verification = assertVerification(tenant, false, 2);
        assertThat((String) verification.get("problem")).contains("does not match its hash");
    }

    @Test
    void theLogIsAppendOnlyForTheRuntimeAndForTheOwner() throws SQLException {
        String tenant = tenantWithEntries(1);
        assertThatThrownBy(() -> TenantSql.update(tenant, "UPDATE crm.audit_log SET actor = 'x'"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> TenantSql.update(tenant, "DELETE FROM crm.audit_log"))
                .hasMessageContaining("permission denied");
        try (Connection owner = Database.connect("vettify_owner");
                PreparedStatement delete = owner.prepareStatement("DELETE FROM crm.audit_log")) {
            owner.createStatement().execute("SELECT set_config('app.tid', '" + tenant + "', false)");
            assertThatThrownBy(delete::executeUpdate).hasMessageContaining("append-only");
        }
        assertVerification(tenant, true, null);
    }

    @Test
    void concurrentAppendsKeepOneChain() throws Exception {
        String tenant = Api.newTenant();
        int writers = 8;
        int perWriter = 5;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < perWriter; i++) {
                        tenantScope.inTransaction(tenant, null, () -> trail.record(AuditActions.CAMPAIGN_SENT,
                                "campaign", UUID.randomUUID(), null, Map.of("sent", 1)));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> verification = assertVerification(tenant, true, null);
        assertThat(verification).containsEntry("entries", writers * perWriter);
        List<String> seqs = exportCsv(tenant).asString().lines().skip(1).map(line -> line.split(",")[1]).toList();
        assertThat(seqs).hasSize(writers * perWriter).doesNotHaveDuplicates();
        assertThat(exportCsv(tenant).asString()).contains("," + AuditTrail.SYSTEM_ACTOR + ",");
    }

    @Test
    void eachTenantHasItsOwnChainAndOnlyAdminsReadIt() {
        String tenant = tenantWithEntries(2);
        String other = Api.newTenant();
        assertThat(exportCsv(other).asString().lines()).containsExactly(AuditCsv.HEADER.strip());
        assertVerification(other, true, null);

        assertProblem(as(tenant, Scopes.READ, Scopes.WRITE).accept(AuditResource.TEXT_CSV).get(AUDIT + "/export"), 403);
        assertProblem(as(tenant, Scopes.READ, Scopes.WRITE).get(AUDIT + "/verify"), 403);
        assertProblem(as(tenant, Scopes.READ, Scopes.WRITE).accept("text/plain").get(AUDIT + "/export.sig"), 403);
    }

    @Test
    void badRangesAreValidationProblems() {
        String tenant = tenantWithEntries(1);
        assertInvalid(as(tenant).accept(AuditResource.TEXT_CSV).queryParam("from", "yesterday").get(AUDIT + "/export"),
                "from");
        assertInvalid(as(tenant).accept("text/plain").queryParam("untilSeq", 2).get(AUDIT + "/export.sig"), "untilSeq");
        assertInvalid(as(tenant).accept("text/plain").queryParam("untilSeq", "x").get(AUDIT + "/export.sig"),
                "untilSeq");
        assertInvalid(as(tenant).accept(AuditResource.TEXT_CSV).queryParam("from", "2026-02-01T00:00:00Z")
                .queryParam("to", "2026-01-01T00:00:00Z").get(AUDIT + "/export"), "to");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String convertedLead(String tenant, String email) {
        String lead = Fixtures.lead(tenant, obj("firstName", "Ana", "lastName", "Ionescu", "email", email,
                "company", "Audit Exemplu SRL"));
        as(tenant).post("/v1/crm/leads/" + lead + "/qualify").then().statusCode(200);
        as(tenant).post("/v1/crm/leads/" + lead + "/convert").then().statusCode(200);
        return lead;
    }

    private static String reopenedOpportunity(String tenant) {
        String account = Fixtures.account(tenant, "Redeschis SRL", null);
        String opportunity = Fixtures.opportunity(tenant, "Closed deal", account, "CLOSED_WON");
        as(tenant).body(obj("stage", "NEGOTIATION")).post("/v1/crm/opportunities/" + opportunity + "/stage")
                .then().statusCode(200);
        return opportunity;
    }

    private String tenantWithEntries(int count) {
        String tenant = Api.newTenant();
        for (int i = 0; i < count; i++) {
            tenantScope.inTransaction(tenant, null, () -> trail.record(AuditActions.LEADS_IMPORTED, "import",
                    UUID.randomUUID(), null, Map.of("rows", 10)));
        }
        return tenant;
    }

    private static Response exportCsv(String tenant) {
        Response response = as(tenant).accept(AuditResource.TEXT_CSV).get(AUDIT + "/export");
        response.then().statusCode(200).contentType(AuditResource.TEXT_CSV);
        return response;
    }

    private static String signature(String tenant, String untilSeq) {
        return as(tenant).accept("text/plain").queryParam("untilSeq", untilSeq).get(AUDIT + "/export.sig")
                .then().statusCode(200).extract().asString();
    }

    private static Map<String, Object> assertVerification(String tenant, boolean valid, Integer brokenAtSeq) {
        Map<String, Object> verification = as(tenant).get(AUDIT + "/verify").then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(verification).as("verification of %s", tenant).containsEntry("valid", valid)
                .containsEntry("brokenAtSeq", brokenAtSeq);
        return verification;
    }

    /** What an intruder with the database's superuser could do: bypass RLS and the append-only trigger. */
    private static void asSuperuser(String sql, String tenant) throws SQLException {
        try (Connection admin = Database.connect("postgres")) {
            admin.createStatement().execute("SET session_replication_role = replica");
            try (PreparedStatement statement = admin.prepareStatement(sql)) {
                statement.setString(1, tenant);
                assertThat(statement.executeUpdate()).isEqualTo(1);
            }
        }
    }

    private static String openssl(Path publicKey, Path signature, Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("openssl", "dgst", "-sha256", "-verify", publicKey.toString(),
                "-signature", signature.toString(), file.toString()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("openssl's exit status for %s: %s", file, output)
                .isEqualTo(output.equals("Verified OK") ? 0 : 1);
        return output;
    }
}
