package io.vettify.crm.leads.imports;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Api.asWarehouse;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.LeadImports.IMPORT;
import static io.vettify.crm.testing.LeadImports.IMPORTS;
import static io.vettify.crm.testing.LeadImports.bytes;
import static io.vettify.crm.testing.LeadImports.commit;
import static io.vettify.crm.testing.LeadImports.patiently;
import static io.vettify.crm.testing.LeadImports.preview;
import static io.vettify.crm.testing.LeadImports.upload;
import static io.vettify.crm.testing.LeadImports.withMapping;
import static io.vettify.crm.testing.Problems.assertInvalid;
import static io.vettify.crm.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vettify.crm.messaging.EventTypes;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Cuis;
import io.vettify.crm.testing.EventTap;
import io.vettify.crm.testing.Fixtures;
import io.vettify.crm.testing.TenantSql;
import io.vettify.crm.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeadImportApiTest {

    private static final String LEADS = "/v1/crm/leads";
    private static final String MAPPING = """
            {"Prenume": "firstName", "Nume": "lastName", "E-mail": "email", "Firma": "company", "CUI": "cui",
             "Sursa": "source"}""";
    private static final String BAD_CUI = Cuis.DELTA.substring(0, 7) + ((Cuis.DELTA.charAt(7) - '0' + 1) % 10);

    private final String tenant = Api.newTenant();

    /** Line numbers are the file's physical lines: the header is line 1, a quoted line break starts a new line. */
    private static String mixedFile() {
        return String.join("\n",
                "Prenume,Nume,E-mail,Firma,CUI,Sursa,Note",
                "Ana,Pop,ana.pop@alfa.ro,Alfa SRL,RO" + Cuis.CARPATI + ",web,ignored column",
                "Ion,Ionescu,not-an-email,,,,",
                "Maria,Marin,maria@beta.ro,Beta SRL," + BAD_CUI + ",,",
                "x".repeat(101) + ",Lung,long@gamma.ro,,,,",
                "Ana,Dublura,ANA.POP@alfa.ro,,,,",
                "Vechi,Lead,existing@delta.ro,,,,",
                "Multi,Linie,multi@epsilon.ro,\"Epsilon",
                "Line Two SRL\",,referral,",
                "Rau,Sursa,bad.source@zeta.ro,,,FAX,",
                "Doi,Campuri",
                "Fara,Email,,,,,",
                "") + "\n";
    }

    private long leadCount(String tid) {
        return as(tid).queryParam("count", true).queryParam("limit", 1).get(LEADS).then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    @Test
    void aPreviewReportsEveryBadRowWithItsLineAndInsertsNothing() {
        Fixtures.lead(tenant, obj("email", "Existing@Delta.ro"));

        Response answer = preview(tenant, mixedFile(), MAPPING);

        answer.then().statusCode(200);
        JsonPath json = answer.jsonPath();
        assertThat(json.getString("status")).isEqualTo("PREVIEWED");
        assertThat(json.getInt("totalRows")).isEqualTo(10);
        assertThat(json.getInt("acceptedRows")).isEqualTo(2);
        assertThat(json.getInt("importedRows")).isZero();
        assertThat(json.getInt("duplicateRows")).isEqualTo(2);
        assertThat(json.getInt("invalidRows")).isEqualTo(6);
        assertThat(json.getBoolean("errorsTruncated")).isFalse();
        List<Map<String, Object>> errors = json.getList("errors");
        assertThat(errors).extracting(e -> e.get("line"), e -> e.get("kind"), e -> e.get("column"), e -> e.get("field"))
                .containsExactlyInAnyOrder(
                        tuple(3, "INVALID", "E-mail", "email"),
                        tuple(4, "INVALID", "CUI", "cui"),
                        tuple(5, "INVALID", "Prenume", "firstName"),
                        tuple(6, "DUPLICATE", "E-mail", "email"),
                        tuple(7, "DUPLICATE", "E-mail", "email"),
                        tuple(10, "INVALID", "Sursa", "source"),
                        tuple(11, "INVALID", null, null),
                        tuple(12, "INVALID", "E-mail", "email"));
        assertThat(errors).filteredOn(e -> e.get("line").equals(6)).extracting(e -> e.get("message"))
                .containsExactly("the same email is on line 2");
        assertThat(errors).filteredOn(e -> e.get("line").equals(7)).extracting(e -> e.get("message"))
                .containsExactly("a lead with this email already exists");
        assertThat(errors).filteredOn(e -> e.get("line").equals(11)).extracting(e -> e.get("message"))
                .containsExactly("has 2 fields where the header has 7");
        assertThat(answer.asString()).as("errors never repeat the rows' values")
                .doesNotContain("not-an-email").doesNotContain(BAD_CUI);

        assertThat(json.getList("preview.line", Integer.class)).containsExactly(2, 8);
        assertThat(json.getString("preview[0].email")).isEqualTo("ana.pop@alfa.ro");
        assertThat(json.getString("preview[0].cui")).isEqualTo(Cuis.CARPATI);
        assertThat(json.getString("preview[0].source")).isEqualTo("WEB");
        assertThat(json.getString("preview[1].company")).isEqualTo("Epsilon\nLine Two SRL");
        assertThat(json.getString("preview[1].source")).isEqualTo("REFERRAL");
        assertThat(json.getInt("preview[1].score")).isBetween(1, 100);
        assertThat(json.getMap("mapping")).containsEntry("E-mail", "email").doesNotContainKey("Note");

        assertThat(leadCount(tenant)).as("a preview inserts nothing").isEqualTo(1);
        JsonPath stored = as(tenant).get(IMPORTS + json.getString("id")).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("status")).isEqualTo("PREVIEWED");
        assertThat(stored.getList("errors")).hasSize(8);
        assertThat(stored.getList("preview")).isEmpty();
        assertThat(stored.getString("fileSha256")).matches("[0-9a-f]{64}");
    }

    @Test
    void aCommitInsertsTheAcceptedRowsOnceEvenWhenTheFileIsCommittedTwice() throws Exception {
        Fixtures.lead(tenant, obj("email", "Existing@Delta.ro"));
        try (EventTap tap = EventTap.bind(EventTypes.LEAD_IMPORTED)) {
            Response first = commit(tenant, mixedFile(), MAPPING);

            first.then().statusCode(201);
            String id = first.path("id");
            assertThat(first.header("Location")).endsWith(IMPORTS + id);
            assertThat(first.<String>path("status")).isEqualTo("COMMITTED");
            assertThat(first.<Integer>path("importedRows")).isEqualTo(2);
            assertThat(first.<Integer>path("duplicateRows")).isEqualTo(2);
            assertThat(first.<Integer>path("invalidRows")).isEqualTo(6);
            assertThat(leadCount(tenant)).isEqualTo(3);

            JsonPath imported = as(tenant).queryParam("q", "alfa.ro").get(LEADS).jsonPath();
            assertThat(imported.getList("items")).hasSize(1);
            assertThat(imported.getString("items[0].firstName")).isEqualTo("Ana");
            assertThat(imported.getString("items[0].source")).isEqualTo("WEB");
            assertThat(imported.getString("items[0].status")).isEqualTo("NEW");
            assertThat(imported.getInt("items[0].score")).isPositive();
            assertThat(imported.getString("items[0].whid")).isNull();

            Response second = commit(tenant, mixedFile(), MAPPING);
            second.then().statusCode(201);
            assertThat(second.<Integer>path("importedRows")).isZero();
            assertThat(second.<Integer>path("duplicateRows")).isEqualTo(4);
            assertThat(second.<String>path("fileSha256")).isEqualTo(first.path("fileSha256"));
            assertThat(leadCount(tenant)).as("nothing inserted twice").isEqualTo(3);

            List<EventTap.Event> events = tap.until(e -> tenant.equals(e.header("tid")),
                    e -> e.body().contains(second.<String>path("id")), Duration.ofSeconds(20));
            assertThat(events).hasSize(2);
            JsonPath event = JsonPath.from(events.get(0).body());
            assertThat(event.getString("importId")).isEqualTo(id);
            assertThat(event.getInt("importedRows")).isEqualTo(2);
            assertThat(event.getInt("totalRows")).isEqualTo(10);

            assertThat(TenantSql.query(tenant, "SELECT subject_id::text AS id FROM crm.audit_log "
                    + "WHERE action = 'leads.imported' ORDER BY seq")).extracting(row -> row.get("id"))
                    .as("each committed import is in the audit trail").containsExactly(id, second.path("id"));
        }
    }

    @Test
    void rfc4180QuotingByteOrderMarkCrlfAndBlankLinesAreRead() {
        String csv = "\uFEFFEmail,FirstName,Company,Status\r\n"
                + "\"quoted@rfc.ro\",\"Pop, Ana\",\"He said \"\"hi\"\"\",contacted\r\n"
                + "\r\n"
                + "newline@rfc.ro,Ion,\"Line one\r\nline two, with comma\",\r\n"
                + "  spaced@rfc.ro  ,  Dan  ,,NEW\r\n"
                + "\"last@rfc.ro\",Eva,\"\",";

        Response answer = commit(tenant, csv, null);

        answer.then().statusCode(201);
        assertThat(answer.<Integer>path("totalRows")).isEqualTo(4);
        assertThat(answer.<Integer>path("importedRows")).as(answer.asString()).isEqualTo(4);
        assertThat(answer.<Map<String, String>>path("mapping")).containsExactlyInAnyOrderEntriesOf(
                Map.of("Email", "email", "FirstName", "firstName", "Company", "company", "Status", "status"));
        JsonPath leads = as(tenant).queryParam("sort", "email").get(LEADS).jsonPath();
        assertThat(leads.getList("items.email")).containsExactly("last@rfc.ro", "newline@rfc.ro", "quoted@rfc.ro",
                "spaced@rfc.ro");
        assertThat(leads.getList("items.firstName")).containsExactly("Eva", "Ion", "Pop, Ana", "Dan");
        assertThat(leads.getList("items.company")).containsExactly(null, "Line one\r\nline two, with comma",
                "He said \"hi\"", null);
        assertThat(leads.getList("items.status")).containsExactly("NEW", "NEW", "CONTACTED", "NEW");
        assertThat(leads.getList("items.source")).containsOnly("IMPORT");
    }

    @Test
    void consentColumnsGiveTheLeadsConsentWithImportAsItsSource() {
        String csv = "email,Accept marketing,Consent source\na@consent.ro,da,\nb@consent.ro,no,\n"
                + "c@consent.ro,YES,web_form\nd@consent.ro,maybe,\n";

        Response answer = commit(tenant, csv, """
                {"email": "email", "Accept marketing": "marketingConsent", "Consent source": "consentSource"}""");

        assertThat(answer.<Integer>path("importedRows")).as(answer.asString()).isEqualTo(3);
        assertThat(answer.<List<Map<String, Object>>>path("errors")).extracting(e -> e.get("line"), e -> e.get("field"))
                .containsExactly(tuple(5, "marketingConsent"));
        JsonPath leads = as(tenant).queryParam("sort", "email").get(LEADS).jsonPath();
        assertThat(leads.getList("items.marketingConsent")).containsExactly(true, false, true);
        assertThat(leads.getList("items.consentSource")).containsExactly("IMPORT", null, "WEB_FORM");
        assertThat(leads.getString("items[0].consentUpdatedAt")).isNotNull();
        assertThat(leads.getString("items[1].consentUpdatedAt")).isNull();
    }

    @Test
    void aBadMappingIsRefusedBeforeAnyRowIsRead() {
        String csv = "E-mail,Firma\nana@alfa.ro,Alfa\n";
        assertInvalid(preview(tenant, csv, "{\"E-mail\": \"email\", \"Firma\": \"employer\"}"), "mapping.Firma");
        assertInvalid(preview(tenant, csv, "{\"Firma\": \"company\"}"), "mapping");
        assertInvalid(preview(tenant, csv, "{\"E-mail\": \"email\", \"Telefon\": \"lastName\"}"), "mapping.Telefon");
        assertInvalid(preview(tenant, csv, "{\"E-mail\": \"email\", \"Firma\": \"email\"}"), "mapping.Firma");
        assertInvalid(preview(tenant, csv, "[\"email\"]"), "mapping");
        assertInvalid(preview(tenant, csv, "{\"E-mail\": 3}"), "mapping.E-mail");
        assertInvalid(preview(tenant, csv, null), "mapping");
        assertProblem(preview(tenant, csv, "{not json"), 400);
        assertInvalid(preview(tenant, "E-mail,e-mail\na@b.ro,c@d.ro\n", "{\"E-mail\": \"email\"}"), "mapping.E-mail");
        assertInvalid(preview(tenant, "", null), "file");
        assertThat(leadCount(tenant)).isZero();
    }

    @Test
    void malformedCsvTooManyRowsAndWrongMediaTypesAreRefusedAndNothingIsInserted() {
        JsonPath unclosed = assertInvalid(commit(tenant, "email,company\na@b.ro,\"never closed\nc@d.ro,x\n", null),
                "file");
        assertThat(unclosed.getString("errors[0].message")).contains("line");

        StringBuilder tooMany = new StringBuilder("email\n");
        for (int i = 0; i <= ImportRun.MAX_ROWS; i++) {
            tooMany.append("lead").append(i).append("@many.ro\n");
        }
        assertThat(assertInvalid(patiently(upload(tenant, null, bytes(tooMany.toString()), "text/csv")).post(IMPORT),
                "file").getString("errors[0].message"))
                .contains("more than 100000 rows");

        assertProblem(upload(tenant, null, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}, "image/png")
                .post(IMPORT), 415);
        assertProblem(upload(tenant, null, new byte[] {'e', 'm', 'a', 'i', 'l', '\n', (byte) 0xC3, (byte) 0x28, '\n'},
                "text/csv").post(IMPORT), 415);
        assertProblem(upload(tenant, null, bytes("email\na@b.ro\u0000\n"), "text/csv").post(IMPORT), 415);
        assertProblem(as(tenant).contentType("text/csv").body("email\na@b.ro\n").post(IMPORT), 415);
        assertProblem(as(tenant).body(obj("email", "a@b.ro")).post(IMPORT), 415);
        assertInvalid(withMapping(as(tenant).contentType("multipart/form-data"), "{\"email\": \"email\"}")
                .post(IMPORT), "file");
        assertInvalid(upload(tenant, null, bytes("email\na@b.ro\n"), "text/csv").queryParam("dryRun", true)
                .queryParam("previewRows", 101).post(IMPORT), "previewRows");
        assertInvalid(upload(tenant, null, bytes("email\na@b.ro\n"), "text/csv").queryParam("dryRun", "yes")
                .post(IMPORT), "dryRun");

        assertThat(leadCount(tenant)).isZero();
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWith413() {
        byte[] big = new byte[20 * 1024 * 1024 + 200 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        assertProblem(patiently(upload(tenant, null, big, "text/csv")).post(IMPORT), 413);
        assertThat(leadCount(tenant)).isZero();
    }

    @Test
    void importsNeedTheAdminScope() {
        String csv = "email\na@scope.ro\n";
        assertProblem(io.restassured.RestAssured.given()
                .auth().oauth2(TestTokens.token(tenant, null, Scopes.READ, Scopes.WRITE))
                .multiPart("file", "leads.csv", bytes(csv), "text/csv").post(IMPORT), 403);
        assertProblem(io.restassured.RestAssured.given().multiPart("file", "leads.csv", bytes(csv), "text/csv")
                .post(IMPORT), 401);
        String id = commit(tenant, csv, null).then().statusCode(201).extract().path("id");
        assertProblem(as(tenant, Scopes.READ, Scopes.WRITE).get(IMPORTS + id), 403);
    }

    @Test
    void importsAndTheirLeadsStayInTheTokensTenantAndWarehouse() {
        String other = Api.newTenant();
        String csv = "email,whid\ncluj1@wh.ro,cluj\nwide@wh.ro,\niasi@wh.ro,iasi\n";

        Response answer = commit(tenant, "cluj", csv, null);

        answer.then().statusCode(201);
        assertThat(answer.<Integer>path("importedRows")).isEqualTo(2);
        assertThat(answer.<List<Map<String, Object>>>path("errors")).extracting(e -> e.get("line"), e -> e.get("field"))
                .containsExactly(tuple(4, "whid"));
        assertThat(answer.<String>path("whid")).isEqualTo("cluj");
        String id = answer.path("id");

        assertThat(asWarehouse(tenant, "cluj").queryParam("sort", "email").get(LEADS).jsonPath()
                .getList("items.whid")).containsExactly("cluj", null);
        assertThat(asWarehouse(tenant, "iasi").get(LEADS).jsonPath().getList("items.email"))
                .containsExactly("wide@wh.ro");
        asWarehouse(tenant, "cluj").get(IMPORTS + id).then().statusCode(200);
        assertProblem(asWarehouse(tenant, "iasi").get(IMPORTS + id), 404);
        assertProblem(as(other).get(IMPORTS + id), 404);
        assertThat(leadCount(other)).isZero();
    }
}
