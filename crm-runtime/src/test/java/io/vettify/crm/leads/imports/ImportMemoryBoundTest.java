package io.vettify.crm.leads.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stated memory bound of an import: the streaming pass over a 100 000-row file completes in a JVM whose heap
 * is limited to {@link #HEAP}, a fraction of the file's size once parsed. (The database side holds one chunk of
 * {@link ImportRun#CHUNK_ROWS} rows at a time.)
 */
class ImportMemoryBoundTest {

    static final String HEAP = "-Xmx48m";

    @TempDir
    Path directory;

    /** A realistic 100 000-row file: ~10 MB, every field filled, quoted names with commas. */
    static Path hundredThousandRows(Path directory) throws IOException {
        Path file = directory.resolve("100k.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("firstName,lastName,email,company,cui,source,status\r\n");
            for (int i = 0; i < ImportRun.MAX_ROWS; i++) {
                out.write("Prenume" + i + ",\"Nume, " + i + "\",lead." + i + "@firma" + (i % 997) + ".ro,\"Firma "
                        + (i % 997) + " SRL\",,event,new\r\n");
            }
        }
        return file;
    }

    @Test
    void aHundredThousandRowFileIsImportedWithinTheHeapBound() throws Exception {
        Path file = hundredThousandRows(directory);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), HEAP, "-cp", System.getProperty("java.class.path"), ImportMemoryProbe.class.getName(),
                file.toString()));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(5, TimeUnit.MINUTES)).isTrue();

        System.out.printf("import memory bound: %d-byte file, %s: %s%n", Files.size(file), HEAP, output.trim());
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).contains("imported=100000 duplicates=0 invalid=0");
    }
}
