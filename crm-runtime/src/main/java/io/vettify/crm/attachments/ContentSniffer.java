package io.vettify.crm.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The media type of a file, from its bytes (magic numbers; for ZIP files their entries; for text its encoding and
 * first markup), never from what the client claims. Only {@link #ALLOWED} types may be stored.
 */
public final class ContentSniffer {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String GIF = "image/gif";
    public static final String WEBP = "image/webp";
    public static final String TEXT = "text/plain";
    public static final String CSV = "text/csv";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public static final Set<String> ALLOWED = Set.of(PDF, PNG, JPEG, GIF, WEBP, TEXT, CSV, DOCX, XLSX, PPTX);

    static final String OCTET_STREAM = "application/octet-stream";
    /** Text is judged on its beginning: enough for any real document, bounded for a 10 MB file. */
    private static final int TEXT_WINDOW = 64 * 1024;
    private static final String[] MARKUP = {"<!doctype", "<html", "<head", "<body", "<script", "<iframe", "<svg",
        "<?xml", "<object", "<embed", "<meta"};

    private ContentSniffer() {
    }

    /** The sniffed media type of the file; {@code filename} only tells CSV from other plain text. */
    public static String sniff(Path file, String filename) throws IOException {
        byte[] head;
        boolean whole;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(TEXT_WINDOW);
            whole = in.read() < 0;
        }
        if (startsWith(head, "%PDF-")) {
            return PDF;
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, "GIF87a") || startsWith(head, "GIF89a")) {
            return GIF;
        }
        if (startsWith(head, "RIFF") && head.length >= 12 && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return WEBP;
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return officeDocument(file);
        }
        if (startsWith(head, 0x7F, 'E', 'L', 'F')) {
            return "application/x-elf";
        }
        if (startsWith(head, 'M', 'Z')) {
            return "application/x-msdownload";
        }
        return text(head, whole, filename);
    }

    /** An Office Open XML document is a ZIP with {@code [Content_Types].xml} and its main part. */
    private static String officeDocument(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                return "application/zip";
            }
            if (zip.getEntry("word/document.xml") != null) {
                return DOCX;
            }
            if (zip.getEntry("xl/workbook.xml") != null) {
                return XLSX;
            }
            if (zip.getEntry("ppt/presentation.xml") != null) {
                return PPTX;
            }
            return "application/zip";
        } catch (ZipException e) {
            return OCTET_STREAM;
        }
    }

    /** UTF-8 (or ASCII) without control characters and without markup a browser would render is plain text. */
    private static String text(byte[] head, boolean whole, String filename) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(head.length);
        // Within a window of a longer file, a character cut by the window's end is not an encoding error.
        CoderResult result = decoder.decode(ByteBuffer.wrap(head), chars, whole);
        if (result.isError() || (whole && decoder.flush(chars).isError())) {
            return OCTET_STREAM;
        }
        String text = chars.flip().toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return OCTET_STREAM;
            }
        }
        String start = text.replace("\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
        for (String markup : MARKUP) {
            if (start.startsWith(markup)) {
                return markup.equals("<svg") ? "image/svg+xml" : markup.equals("<?xml") ? "application/xml" : "text/html";
            }
        }
        return filename.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : TEXT;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        return startsWith(bytes, prefix.chars().toArray());
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
