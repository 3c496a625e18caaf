package io.vettify.crm.campaigns;

import static io.restassured.RestAssured.given;
import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.ObjectStorageResource;
import io.vettify.crm.testing.TestTokens;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** B10 end to end: the runtime, the real broker, the reference pdf.render worker, and MinIO over TLS with SSE-C. */
@QuarkusTest
class CampaignReportTest {

    private static final String CAMPAIGNS = "/v1/crm/campaigns";

    private final String tenant = Api.newTenant();
    private final MinioClient minio = ObjectStorageResource.rootClient();

    private String campaign(String tid, String name) {
        Map<String, Object> body = obj("name", name, "subject", "20% off until May", "bodyHtml", "<p>Hello</p>",
                "audience", obj("statuses", List.of("NEW"), "sources", List.of("WEB")));
        return as(tid, Scopes.CAMPAIGNS).body(body).post(CAMPAIGNS).then().statusCode(201).extract().path("id");
    }

    @Test
    void theReportIsRenderedByPdfRenderStoredEncryptedAndDownloadable() throws Exception {
        String id = campaign(tenant, "Spring offer");
        assertThat(assertProblem(pdf(tenant, id), 404).getString("detail")).contains("has no report yet");

        Response requested = as(tenant, Scopes.CAMPAIGNS).post(CAMPAIGNS + "/" + id + "/report");
        requested.then().statusCode(202);
        String jobId = requested.path("jobId");
        assertThat(requested.header("Location")).endsWith("/v1/crm/jobs/" + jobId);
        assertThat(requested.<String>path("report")).isEqualTo(CAMPAIGNS + "/" + id + "/report.pdf");

        JsonPath job = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(tenant, Scopes.READ).get("/v1/crm/jobs/" + jobId).jsonPath(),
                        j -> !"PENDING".equals(j.getString("status")));
        assertThat(job.getString("status")).as("job %s", job.prettify()).isEqualTo("DONE");
        assertThat(job.getString("worker")).isEqualTo("pdf.render");
        assertThat(job.getString("subjectType")).isEqualTo("campaign");
        assertThat(job.getString("result.pdfBase64")).as("the PDF lives in the bucket, not in the job").isNull();

        Response download = pdf(tenant, id);
        download.then().statusCode(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition")).contains("campaign-" + id + "-report.pdf");
        byte[] bytes = download.asByteArray();
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(job.getLong("result.sizeBytes")).isEqualTo(bytes.length);
        assertThat(job.getString("result.sha256")).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(bytes)));
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Campaign report: Spring offer").contains("Metrics").contains("recipients");
        }

        String key = tenant + "/campaigns/" + id + "/reports/" + jobId + ".pdf";
        assertThatThrownBy(() -> minio.getObject(GetObjectArgs.builder().bucket(ObjectStorageResource.BUCKET)
                .object(key).build()).close())
                .as("stored with SSE-C: MinIO refuses it without the key")
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.response().code()).isEqualTo(400);
                    assertThat(e.errorResponse().message()).contains("Server Side Encryption");
                });

        as(tenant, Scopes.CAMPAIGNS).delete(CAMPAIGNS + "/" + id).then().statusCode(204);
        assertThat(versionsOf(key)).as("deleting the campaign deletes its report from the bucket").isEmpty();
    }

    @Test
    void anotherTenantsCampaignHasNoReportForYouAndOnlyMarketingMayRequestOne() {
        String id = campaign(tenant, "Private offer");
        String other = Api.newTenant();
        assertProblem(as(other, Scopes.CAMPAIGNS).post(CAMPAIGNS + "/" + id + "/report"), 404);
        assertProblem(pdf(other, id), 404);
        assertProblem(as(tenant, Scopes.READ, Scopes.WRITE).post(CAMPAIGNS + "/" + id + "/report"), 403);
        assertProblem(pdf(tenant, java.util.UUID.randomUUID().toString()), 404);
    }

    private static Response pdf(String tid, String campaignId) {
        return given().auth().oauth2(TestTokens.token(tid, null, Scopes.READ))
                .get(CAMPAIGNS + "/" + campaignId + "/report.pdf");
    }

    private List<Item> versionsOf(String key) throws Exception {
        List<Item> versions = new ArrayList<>();
        for (Result<Item> result : minio.listObjects(ListObjectsArgs.builder().bucket(ObjectStorageResource.BUCKET)
                .prefix(key).includeVersions(true).recursive(true).build())) {
            versions.add(result.get());
        }
        return versions;
    }
}
