package io.vettify.crm.leads.imports;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.LeadImports.IMPORT;
import static io.vettify.crm.testing.LeadImports.patiently;
import static io.vettify.crm.testing.LeadImports.upload;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vettify.crm.testing.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A 100 000-row file through the API into the real database: the import's size limit, measured, not timed. */
@QuarkusTest
class LeadImportVolumeTest {

    private final String tenant = Api.newTenant();

    @Test
    void aHundredThousandRowFileIsCommittedInOneImportAndAgainWithoutDuplicates() throws Exception {
        Path directory = Files.createTempDirectory("lead-import");
        byte[] csv = Files.readAllBytes(ImportMemoryBoundTest.hundredThousandRows(directory));
        Files.delete(directory.resolve("100k.csv"));
        Files.delete(directory);

        long start = System.nanoTime();
        Response first = patiently(upload(tenant, null, csv, "text/csv")).post(IMPORT);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        Response second = patiently(upload(tenant, null, csv, "text/csv")).post(IMPORT);
        long secondMillis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("import of %d rows (%d bytes): commit %d ms, same file again %d ms%n", ImportRun.MAX_ROWS,
                csv.length, firstMillis, secondMillis);
        first.then().statusCode(201);
        assertThat(first.<Integer>path("importedRows")).isEqualTo(ImportRun.MAX_ROWS);
        second.then().statusCode(201);
        assertThat(second.<Integer>path("importedRows")).isZero();
        assertThat(second.<Integer>path("duplicateRows")).isEqualTo(ImportRun.MAX_ROWS);
        assertThat(second.<Integer>path("errors.size()")).isEqualTo(ImportRun.MAX_ERRORS);
        assertThat(second.<Boolean>path("errorsTruncated")).isTrue();
        assertThat(as(tenant).queryParam("count", true).queryParam("limit", 1).queryParam("source", "EVENT")
                .get("/v1/crm/leads").jsonPath().getLong("total")).isEqualTo(ImportRun.MAX_ROWS);
    }
}
