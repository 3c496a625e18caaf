package io.vettify.workers.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * {@code pdf.render}: lays the report out as a real PDF with Apache PDFBox — title, subtitle, sections of paragraphs
 * and tables (text columns) on A4 pages — and answers it base64-encoded. A PDF above {@link #MAX_BYTES} is refused
 * ({@code too_large}). The standard Helvetica font has no Romanian comma-below letters: text is folded to ASCII letters.
 */
final class PdfRender implements Worker {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    @Override
    public String name() {
        return "pdf.render";
    }

    @Override
    public JsonNode handle(JsonNode request) throws WorkerException {
        byte[] pdf;
        int pages;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Writer writer = new Writer(document);
            writer.line(request.get("title").asText(), 18, true);
            if (request.hasNonNull("subtitle")) {
                writer.line(request.get("subtitle").asText(), 11, false);
            }
            writer.gap(10);
            for (JsonNode section : request.get("sections")) {
                writer.gap(6);
                writer.line(section.get("heading").asText(), 13, true);
                for (JsonNode paragraph : section.path("paragraphs")) {
                    writer.paragraph(paragraph.asText());
                }
                if (section.has("table")) {
                    writer.table(section.get("table"));
                }
            }
            writer.close();
            pages = document.getNumberOfPages();
            document.save(out);
            pdf = out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pdf.length > MAX_BYTES) {
            throw new WorkerException("too_large", "the PDF would be " + pdf.length + " bytes; at most " + MAX_BYTES,
                    false);
        }
        return JSON.createObjectNode().put("contentType", "application/pdf")
                .put("pdfBase64", Base64.getEncoder().encodeToString(pdf)).put("sizeBytes", pdf.length)
                .put("pages", pages);
    }

    /** Writes lines top-down, opening a new page when one is full. */
    private static final class Writer {
        private final PDDocument document;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void line(String text, float size, boolean strong) throws IOException {
            for (String wrapped : wrap(ascii(text), size, strong ? bold : regular)) {
                write(wrapped, MARGIN, size, strong ? bold : regular);
                y -= size * 1.4f;
            }
        }

        void paragraph(String text) throws IOException {
            line(text, 10, false);
            y -= 4;
        }

        void table(JsonNode table) throws IOException {
            List<String> columns = new ArrayList<>();
            table.get("columns").forEach(c -> columns.add(c.asText()));
            float cell = WIDTH / columns.size();
            row(columns, cell, bold);
            for (JsonNode row : table.get("rows")) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.isNull() ? "" : c.asText()));
                row(cells, cell, regular);
            }
            y -= 6;
        }

        void gap(float points) {
            y -= points;
        }

        private void row(List<String> cells, float cellWidth, PDType1Font font) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                String text = ascii(cells.get(i));
                while (!text.isEmpty() && width(text, 9, font) > cellWidth - 6) {
                    text = text.substring(0, text.length() - 1);
                }
                write(text, MARGIN + i * cellWidth, 9, font);
            }
            y -= 13;
        }

        private void write(String text, float x, float size, PDType1Font font) throws IOException {
            if (y < MARGIN + size) {
                newPage();
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y);
            stream.showText(text);
            stream.endText();
        }

        private List<String> wrap(String text, float size, PDType1Font font) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split("\\s+")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(candidate, size, font) > WIDTH && !current.isEmpty()) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        private static float width(String text, float size, PDType1Font font) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() throws IOException {
            stream.close();
        }

        /** Letters without their diacritics, anything else outside printable ASCII as '?'. */
        private static String ascii(String text) {
            String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            StringBuilder out = new StringBuilder(folded.length());
            folded.chars().forEach(c -> out.append(c >= 32 && c < 127 ? (char) c : c == '\t' ? ' ' : '?'));
            return out.toString();
        }
    }
}
