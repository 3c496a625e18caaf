package io.vettify.crm.leads.imports;

import io.vettify.crm.leads.Lead;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The import's two streaming passes (CSV reading, the lead API's validation, duplicate detection, chunking) over a file,
 * in a JVM of its own so that its heap limit ({@code -Xmx}) bounds the pass. The database is replaced by a sink that
 * knows no existing email and drops the inserted chunks. Prints one line of figures.
 */
public final class ImportMemoryProbe {

    private ImportMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        ImportSink sink = new ImportSink() {
            @Override
            public Set<String> existingEmails(Collection<String> lowerCaseEmails) {
                return Set.of();
            }

            @Override
            public int insert(List<Lead> leads) {
                return leads.size();
            }
        };
        com.sun.management.ThreadMXBean thread = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = thread.getCurrentThreadCpuTime();
        long allocatedStart = thread.getCurrentThreadAllocatedBytes();
        ImportOutcome outcome;
        ImportRun run;
        Path file = Path.of(args[0]);
        try (InputStream in = Files.newInputStream(file); LeadCsv csv = LeadCsv.open(in)) {
            run = new ImportRun(ColumnMapping.resolve(null, csv.header()), validator, whid -> { }, sink, 0);
            outcome = run.check(csv);
        }
        int imported;
        try (InputStream in = Files.newInputStream(file); LeadCsv csv = LeadCsv.open(in)) {
            imported = run.insertAccepted(csv);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (thread.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        long allocated = thread.getCurrentThreadAllocatedBytes() - allocatedStart;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(usage -> usage.getUsed()).sum();
        System.out.printf("imported=%d duplicates=%d invalid=%d wallMillis=%d cpuMillis=%d allocatedBytes=%d "
                + "peakHeapBytes=%d maxHeapBytes=%d%n", imported, outcome.duplicateRows(),
                outcome.invalidRows(), millis, cpuMillis, allocated, peakHeap, Runtime.getRuntime().maxMemory());
    }
}
