package io.vettify.workers.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The reference workers' answers, without a broker: what docs/workers.md promises. */
class ReferenceWorkersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Schemas schemas = new Schemas();

    @Test
    void theTaxpayerRegisterAnswersItsDocumentedTable() throws Exception {
        JsonNode carpati = new AnafTaxpayer().handle(json("{\"cui\":\"14399840\"}"));
        assertThat(carpati.get("found").asBoolean()).isTrue();
        assertThat(carpati.get("active").asBoolean()).isTrue();
        assertThat(carpati.get("officialName").asText()).isEqualTo("CARPATI TRANSPORT EXEMPLU SRL");
        assertThat(new AnafTaxpayer().handle(json("{\"cui\":\"90000014\"}")).get("active").asBoolean()).isFalse();
        assertThat(new AnafTaxpayer().handle(json("{\"cui\":\"80000092\"}")).get("found").asBoolean()).isFalse();
        assertThat(new AnafTaxpayer().handle(json("{\"cui\":\"14399841\"}")).get("found").asBoolean())
                .as("a wrong check digit is unknown").isFalse();
        JsonNode generated = new AnafTaxpayer().handle(json("{\"cui\":\"20000072\"}"));
        assertThat(generated.get("active").asBoolean()).isFalse();
        assertThat(new Reges().handle(json("{\"cui\":\"18547290\"}")).get("employees").asInt()).isEqualTo(35);
        assertThat(schemas.violations("anaf.taxpayer", "response", carpati)).isEmpty();
    }

    @Test
    void theSummaryKeepsTheSentencesAboutWhatTheNotesRepeat() throws Exception {
        JsonNode summary = new AiSummary().handle(json("""
                {"subjectType":"lead","maxSentences":1,"notes":[
                  {"text":"The weather was nice. Ana wants forty licences for the Cluj office."},
                  {"text":"Licences for Cluj must be ready before June. We had coffee."}]}"""));
        assertThat(summary.get("sourceSentences").asInt()).isEqualTo(4);
        assertThat(summary.get("sentences")).hasSize(1);
        assertThat(summary.get("summary").asText()).containsIgnoringCase("licences").contains("Cluj");
        assertThat(schemas.violations("ai.summary", "response", summary)).isEmpty();
    }

    @Test
    void churnIsTheDocumentedLogisticScore() throws Exception {
        JsonNode quiet = new AiChurn().handle(json("""
                {"accountId":"0c8e5f7a-2b1d-4e6c-9f3a-7d4b2e1c8a05","features":{"closedLost":0,"closedWon":0,
                 "orders":0,"activities":0,"daysSinceLastActivity":0}}"""));
        assertThat(quiet.get("score").asDouble()).isEqualTo(0.2315);
        assertThat(quiet.get("bucket").asText()).isEqualTo("LOW");
        JsonNode losing = new AiChurn().handle(json("""
                {"accountId":"0c8e5f7a-2b1d-4e6c-9f3a-7d4b2e1c8a05","features":{"closedLost":3,"closedWon":0,
                 "orders":0,"activities":3,"daysSinceLastActivity":0}}"""));
        assertThat(losing.get("bucket").asText()).isEqualTo("HIGH");
    }

    @Test
    void bounceAddressesBounceAndTheRestAreSent() throws Exception {
        JsonNode result = new EmailSend().handle(json("""
                {"campaignId":"0c8e5f7a-2b1d-4e6c-9f3a-7d4b2e1c8a05","subject":"s","bodyHtml":"<p>b</p>",
                 "recipients":[{"email":"ana@example.com"},{"email":"bounce.1@example.com"}]}"""));
        assertThat(result.get("results").get(0).get("status").asText()).isEqualTo("SENT");
        assertThat(result.get("results").get(1).get("status").asText()).isEqualTo("BOUNCED");
        assertThat(schemas.violations("email.send", "response", result)).isEmpty();
    }

    @Test
    void theReportIsARealPdfWithItsText() throws Exception {
        JsonNode result = new PdfRender().handle(json("""
                {"title":"Campaign report: Spring offer","subtitle":"Sent în Cluj","sections":[
                  {"heading":"Metrics","paragraphs":["Two hundred and fifty recipients."],
                   "table":{"columns":["metric","value"],"rows":[["sent",250],["bounced",3]]}}]}"""));
        byte[] pdf = Base64.getDecoder().decode(result.get("pdfBase64").asText());
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        assertThat(result.get("sizeBytes").asInt()).isEqualTo(pdf.length);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Campaign report: Spring offer").contains("Sent in Cluj").contains("bounced");
        }
        assertThat(schemas.violations("pdf.render", "response", result)).isEmpty();
    }

    @Test
    void switchesComeFromTheRequestData() throws Exception {
        Simulation simulation = Simulation.of(json("""
                {"notes":[{"text":"simulate:fail-attempts=2 and simulate:slow=150"}]}"""));
        assertThat(simulation.failAttempts()).isEqualTo(2);
        assertThat(simulation.slowMillis()).isEqualTo(150);
        assertThat(simulation.garbage()).isFalse();
        assertThatThrownBy(() -> schemas.violations("nope", "request", json("{}")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
