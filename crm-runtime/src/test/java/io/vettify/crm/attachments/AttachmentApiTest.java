package io.vettify.crm.attachments;

import static io.restassured.RestAssured.given;
import static io.vettify.crm.testing.Api.asWarehouse;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Problems.assertInvalid;
import static io.vettify.crm.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.tenancy.TenantScope;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Fixtures;
import io.vettify.crm.testing.ObjectStorageResource;
import io.vettify.crm.testing.TestTokens;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.Test;

/** B8 against the real MinIO over TLS: SSE-C, sniffing and allow-list, the size limit, tenant and warehouse isolation. */
@QuarkusTest
class AttachmentApiTest {

    private static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final String tenant = Api.newTenant();
    private final MinioClient minio = ObjectStorageResource.rootClient();

    @Inject
    AttachmentService attachments;

    @Inject
    TenantScope tenantScope;

    @Test
    void uploadsListsDownloadsAndDeletesAnAccountsAttachment() throws Exception {
        String accountId = Fixtures.account(tenant, "Carpați Software SRL", null);

        Response created = upload(tenant, null, "accounts", accountId, "Contract 2026 – semnat.pdf", PDF, "text/plain");
        created.then().statusCode(201);
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/v1/crm/attachments/" + id);
        assertThat(created.<String>path("subjectType")).isEqualTo("account");
        assertThat(created.<String>path("subjectId")).isEqualTo(accountId);
        assertThat(created.<String>path("filename")).isEqualTo("Contract 2026 – semnat.pdf");
        assertThat(created.<String>path("contentType")).as("sniffed, not the claimed text/plain").isEqualTo("application/pdf");
        assertThat(created.<Integer>path("size")).isEqualTo(PDF.length);
        assertThat(created.<String>path("sha256")).isEqualTo(sha256(PDF));
        assertThat(created.<String>path("createdBy")).isEqualTo("user-of-" + tenant);

        Response list = asWarehouse(tenant, null, Scopes.READ).get("/v1/crm/accounts/" + accountId + "/attachments");
        list.then().statusCode(200);
        assertThat(list.<List<String>>path("items.id")).containsExactly(id);

        Response download = read(tenant, null, id);
        download.then().statusCode(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition")).startsWith("attachment; filename=\"Contract 2026 _ semnat.pdf\"")
                .contains("filename*=UTF-8''Contract%202026%20%E2%80%93%20semnat.pdf");
        assertThat(download.header("Content-Length")).isEqualTo(String.valueOf(PDF.length));
        assertThat(download.asByteArray()).isEqualTo(PDF);

        assertThat(versionsOf(tenant + "/attachments/" + id)).isNotEmpty();
        asWarehouse(tenant, null, Scopes.WRITE).delete("/v1/crm/attachments/" + id).then().statusCode(204);
        assertProblem(read(tenant, null, id), 404);
        assertThat(versionsOf(tenant + "/attachments/" + id)).as("every version removed from the bucket").isEmpty();
        assertThat(asWarehouse(tenant, null, Scopes.READ).get("/v1/crm/accounts/" + accountId + "/attachments")
                .<List<String>>path("items")).isEmpty();
    }

    @Test
    void contactsHaveAttachmentsToo() {
        String contactId = Fixtures.contact(tenant, "Ioana", "Pop", "ioana@carpati.example", null);
        byte[] csv = "email,name\nioana@carpati.example,Ioana Pop\n".getBytes(StandardCharsets.UTF_8);

        Response created = upload(tenant, null, "contacts", contactId, "leads.csv", csv, "application/octet-stream");
        created.then().statusCode(201);
        assertThat(created.<String>path("contentType")).isEqualTo("text/csv");
        assertThat(created.<String>path("subjectType")).isEqualTo("contact");
        assertThat(asWarehouse(tenant, null, Scopes.READ).get("/v1/crm/contacts/" + contactId + "/attachments")
                .<List<String>>path("items.filename")).containsExactly("leads.csv");
        assertThat(read(tenant, null, created.path("id")).asByteArray()).isEqualTo(csv);
    }

    @Test
    void officeDocumentsAndImagesAreRecognisedByTheirBytes() throws Exception {
        String accountId = Fixtures.account(tenant, "Office SRL", null);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(upload(tenant, null, "accounts", accountId, "logo", png, "text/plain").<String>path("contentType"))
                .isEqualTo("image/png");
        assertThat(upload(tenant, null, "accounts", accountId, "offer.docx",
                zip("[Content_Types].xml", "word/document.xml"), "application/zip").<String>path("contentType"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(upload(tenant, null, "accounts", accountId, "prices.xlsx",
                zip("[Content_Types].xml", "xl/workbook.xml"), "application/zip").<String>path("contentType"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void aFileOfExactlyTenMegabytesIsAcceptedAndOneByteMoreIsRefusedWith413() {
        String accountId = Fixtures.account(tenant, "Big Files SRL", null);
        byte[] limit = new byte[MAX_BYTES];
        Arrays.fill(limit, (byte) 'a');
        Response accepted = upload(tenant, null, "accounts", accountId, "big.txt", limit, "text/plain");
        accepted.then().statusCode(201);
        assertThat(accepted.<Integer>path("size")).isEqualTo(MAX_BYTES);

        byte[] tooLarge = Arrays.copyOf(limit, MAX_BYTES + 1);
        tooLarge[MAX_BYTES] = 'a';
        assertThat(assertProblem(upload(tenant, null, "accounts", accountId, "bigger.txt", tooLarge, "text/plain"), 413)
                .getString("detail")).contains("10485760");
        assertThat(asWarehouse(tenant, null, Scopes.READ).get("/v1/crm/accounts/" + accountId + "/attachments")
                .<List<String>>path("items.filename")).containsExactly("big.txt");
    }

    @Test
    void executablesMarkupAndUnknownBinariesAreRefusedWith415WhateverTheClientClaims() {
        String accountId = Fixtures.account(tenant, "Careful SRL", null);
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        byte[] html = "  <!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
        byte[] binary = {0, 1, 2, 3, (byte) 0xFE, (byte) 0xFF, 0, 0};

        assertThat(assertProblem(upload(tenant, null, "accounts", accountId, "tool.pdf", elf, "application/pdf"), 415)
                .getString("detail")).contains("application/x-elf");
        assertProblem(upload(tenant, null, "accounts", accountId, "setup.exe", exe, "application/pdf"), 415);
        assertThat(assertProblem(upload(tenant, null, "accounts", accountId, "page.txt", html, "text/plain"), 415)
                .getString("detail")).contains("text/html");
        assertProblem(upload(tenant, null, "accounts", accountId, "logo.png", svg, "image/png"), 415);
        assertProblem(upload(tenant, null, "accounts", accountId, "data.bin", binary, "image/png"), 415);
        assertThat(asWarehouse(tenant, null, Scopes.READ).get("/v1/crm/accounts/" + accountId + "/attachments")
                .<List<String>>path("items")).isEmpty();
    }

    @Test
    void theStoredObjectCannotBeReadWithoutItsSseCustomerKey() throws Exception {
        String accountId = Fixtures.account(tenant, "Secret SRL", null);
        String id = upload(tenant, null, "accounts", accountId, "secret.pdf", PDF, "application/pdf").path("id");
        String key = tenant + "/attachments/" + id;

        assertThatThrownBy(() -> minio.getObject(GetObjectArgs.builder().bucket(ObjectStorageResource.BUCKET)
                .object(key).build()).close())
                .as("MinIO itself refuses to serve an SSE-C object without the key")
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.response().code()).isEqualTo(400);
                    assertThat(e.errorResponse().message()).contains("Server Side Encryption");
                });
        assertThat(read(tenant, null, id).asByteArray()).isEqualTo(PDF);
    }

    @Test
    void anotherTenantsAttachmentIsAbsent() {
        String accountId = Fixtures.account(tenant, "Own SRL", null);
        String id = upload(tenant, null, "accounts", accountId, "own.pdf", PDF, "application/pdf").path("id");
        String other = Api.newTenant();

        assertProblem(read(other, null, id), 404);
        assertProblem(asWarehouse(other, null, Scopes.WRITE).delete("/v1/crm/attachments/" + id), 404);
        assertProblem(asWarehouse(other, null, Scopes.READ).get("/v1/crm/accounts/" + accountId + "/attachments"), 404);
        assertProblem(upload(other, null, "accounts", accountId, "intruder.pdf", PDF, "application/pdf"), 404);
        assertThat(read(tenant, null, id).asByteArray()).as("still there for its tenant").isEqualTo(PDF);
    }

    @Test
    void aWarehousesAttachmentIsVisibleOnlyInThatWarehouse() {
        String accountId = asWarehouse(tenant, "cluj").body(obj("name", "Cluj SRL", "whid", "cluj"))
                .post("/v1/crm/accounts").then().statusCode(201).extract().path("id");
        Response created = upload(tenant, "cluj", "accounts", accountId, "cluj.pdf", PDF, "application/pdf");
        created.then().statusCode(201);
        assertThat(created.<String>path("whid")).isEqualTo("cluj");
        String id = created.path("id");

        assertThat(read(tenant, "cluj", id).asByteArray()).isEqualTo(PDF);
        assertProblem(read(tenant, "iasi", id), 404);
        assertProblem(read(tenant, null, id), 404);
        assertProblem(asWarehouse(tenant, "iasi", Scopes.WRITE).delete("/v1/crm/attachments/" + id), 404);

        String tenantWide = Fixtures.account(tenant, "Everywhere SRL", null);
        Response shared = upload(tenant, "cluj", "accounts", tenantWide, "shared.pdf", PDF, "application/pdf");
        assertThat(shared.<String>path("whid")).as("an attachment has its subject's warehouse").isNull();
        assertThat(read(tenant, "iasi", shared.path("id")).asByteArray()).isEqualTo(PDF);
    }

    @Test
    void badUploadsAreProblems() {
        String accountId = Fixtures.account(tenant, "Problems SRL", null);
        assertProblem(upload(tenant, null, "accounts", java.util.UUID.randomUUID().toString(), "a.pdf", PDF,
                "application/pdf"), 404);
        assertInvalid(upload(tenant, null, "accounts", accountId, "empty.txt", new byte[0], "text/plain"), "file");
        assertInvalid(given().auth().oauth2(TestTokens.token(tenant, null, Scopes.WRITE)).multiPart("other", "x")
                .post("/v1/crm/accounts/" + accountId + "/attachments"), "file");
        assertProblem(given().auth().oauth2(TestTokens.token(tenant, null, Scopes.READ))
                .multiPart("file", "a.pdf", PDF, "application/pdf")
                .post("/v1/crm/accounts/" + accountId + "/attachments"), 403);
        assertProblem(given().when().get("/v1/crm/attachments/" + java.util.UUID.randomUUID()), 401);
    }

    /** Bodies the fuzzer sent: no part at all, and a part without headers. A client's mistake, so 400, never a 500. */
    @Test
    void malformedMultipartBodiesAre400() {
        String contactId = Fixtures.contact(tenant, "Ana", "Pop", "ana.pop@multipart.example", null);
        for (String body : List.of("--b0undary--\r\n", "--b0undary\r\n7.15e+133--b0undary--\r\n")) {
            assertProblem(given().auth().oauth2(TestTokens.token(tenant, null, Scopes.WRITE))
                    .contentType("multipart/form-data; boundary=b0undary").body(body.getBytes(StandardCharsets.UTF_8))
                    .post("/v1/crm/contacts/" + contactId + "/attachments"), 400);
        }
    }

    @Test
    void deleteAllOfRemovesEverySubjectsAttachmentWithItsObjects() throws Exception {
        String contactId = Fixtures.contact(tenant, "Ana", "Erased", "ana@erase.example", null);
        String keep = Fixtures.contact(tenant, "Bob", "Kept", "bob@keep.example", null);
        String first = upload(tenant, null, "contacts", contactId, "a.pdf", PDF, "application/pdf").path("id");
        String second = upload(tenant, null, "contacts", contactId, "b.txt", "hello".getBytes(StandardCharsets.UTF_8),
                "text/plain").path("id");
        String kept = upload(tenant, null, "contacts", keep, "c.pdf", PDF, "application/pdf").path("id");

        int[] deleted = new int[1];
        tenantScope.inTransaction(tenant, null,
                () -> deleted[0] = attachments.deleteAllOf("contact", java.util.UUID.fromString(contactId)));

        assertThat(deleted[0]).isEqualTo(2);
        assertProblem(read(tenant, null, first), 404);
        assertProblem(read(tenant, null, second), 404);
        assertThat(versionsOf(tenant + "/attachments/" + first)).isEmpty();
        assertThat(versionsOf(tenant + "/attachments/" + second)).isEmpty();
        assertThat(read(tenant, null, kept).asByteArray()).isEqualTo(PDF);
        asWarehouse(tenant, null, Scopes.WRITE).delete("/v1/crm/contacts/" + contactId).then().statusCode(204);
    }

    private static Response upload(String tid, String whid, String collection, String subjectId, String filename,
            byte[] content, String claimedType) {
        return request(tid, whid, Scopes.WRITE).multiPart("file", filename, content, claimedType)
                .post("/v1/crm/" + collection + "/" + subjectId + "/attachments");
    }

    private static Response read(String tid, String whid, String id) {
        return request(tid, whid, Scopes.READ).get("/v1/crm/attachments/" + id);
    }

    /** Part headers in UTF-8, as browsers send a file's name (RestAssured's default is ASCII). */
    private static RequestSpecification request(String tid, String whid, String scope) {
        return given().config(RestAssuredConfig.config()
                        .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
                        .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8)))
                .auth().oauth2(TestTokens.token(tid, whid, scope));
    }

    private List<Item> versionsOf(String key) throws Exception {
        List<Item> versions = new ArrayList<>();
        for (Result<Item> result : minio.listObjects(ListObjectsArgs.builder().bucket(ObjectStorageResource.BUCKET)
                .prefix(key).includeVersions(true).recursive(true).build())) {
            versions.add(result.get());
        }
        return versions;
    }

    private static byte[] zip(String... entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
