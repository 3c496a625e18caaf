package io.vettify.crm.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSnifferTest {

    @TempDir
    Path dir;

    @Test
    void recognisesTheAllowedFormatsByTheirMagicNumbers() throws IOException {
        assertThat(sniff("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), "x")).isEqualTo(ContentSniffer.PDF);
        assertThat(sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "x")).isEqualTo(ContentSniffer.JPEG);
        assertThat(sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII), "x")).isEqualTo(ContentSniffer.GIF);
        assertThat(sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), "x")).isEqualTo(ContentSniffer.WEBP);
    }

    @Test
    void textIsPlainOrCsvByNameAndMarkupIsNotText() throws IOException {
        assertThat(sniff("Bună ziua, ăîșțâ\n".getBytes(StandardCharsets.UTF_8), "note.txt")).isEqualTo(ContentSniffer.TEXT);
        assertThat(sniff("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "DATA.CSV")).isEqualTo(ContentSniffer.CSV);
        assertThat(sniff("\uFEFF <HTML><body>".getBytes(StandardCharsets.UTF_8), "x.txt")).isEqualTo("text/html");
        assertThat(sniff("<?xml version=\"1.0\"?><a/>".getBytes(StandardCharsets.UTF_8), "x.txt"))
                .isEqualTo("application/xml");
        assertThat(sniff(new byte[] {'a', 0, 'b'}, "x.txt")).isEqualTo("application/octet-stream");
        assertThat(sniff(new byte[] {'a', (byte) 0xC3, 'b'}, "x.txt")).as("invalid UTF-8").isEqualTo("application/octet-stream");
    }

    @Test
    void aMultiByteCharacterCutByTheSniffingWindowIsStillText() throws IOException {
        byte[] text = new byte[64 * 1024 + 10];
        Arrays.fill(text, (byte) 'a');
        byte[] a = "ă".getBytes(StandardCharsets.UTF_8);
        text[64 * 1024 - 1] = a[0];
        text[64 * 1024] = a[1];
        assertThat(sniff(text, "long.txt")).isEqualTo(ContentSniffer.TEXT);
    }

    @Test
    void aZipIsAnOfficeDocumentOnlyWithItsMainPart() throws IOException {
        assertThat(sniff(new byte[] {'P', 'K', 3, 4, 0, 0}, "broken.docx")).isEqualTo("application/octet-stream");
    }

    private String sniff(byte[] content, String filename) throws IOException {
        Path file = Files.write(dir.resolve("f" + System.nanoTime()), content);
        return ContentSniffer.sniff(file, filename);
    }
}
