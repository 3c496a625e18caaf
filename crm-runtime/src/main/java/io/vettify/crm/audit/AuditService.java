package io.vettify.crm.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.SignatureException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reading the tenant's audit chain: the signed CSV export and the verification of the chain. Both read it a page
 * per transaction, so a long chain is streamed rather than held in memory.
 */
@ApplicationScoped
public class AuditService {

    static final int PAGE_SIZE = 500;

    private final AuditEntryRepository entries;
    private final TenantContext tenant;
    private final AuditSigningKey signingKey;

    public AuditService(AuditEntryRepository entries, TenantContext tenant, AuditSigningKey signingKey) {
        this.entries = entries;
        this.tenant = tenant;
        this.signingKey = signingKey;
    }

    /** The range of an export: {@code untilSeq} defaults to the chain's last committed entry. */
    public AuditRange range(Optional<Instant> from, Optional<Instant> to, Optional<Long> untilSeq) {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw ProblemException.invalid("to", "must be after from");
        }
        long last = QuarkusTransaction.requiringNew().call(() -> entries.head().lastSeq());
        if (untilSeq.isPresent() && (untilSeq.get() < 0 || untilSeq.get() > last)) {
            throw ProblemException.invalid("untilSeq", "must be between 0 and the chain's last entry, " + last);
        }
        return new AuditRange(from, to, untilSeq.orElse(last));
    }

    /** Writes the range's CSV: the same range always gives the same bytes. */
    public void writeCsv(AuditRange range, OutputStream out) throws IOException {
        String tid = tenantId();
        out.write(AuditCsv.HEADER.getBytes(StandardCharsets.UTF_8));
        long after = 0;
        while (true) {
            List<AuditEntry> page = page(after, range);
            for (AuditEntry entry : page) {
                out.write(AuditCsv.line(tid, entry).getBytes(StandardCharsets.UTF_8));
            }
            if (page.size() < PAGE_SIZE) {
                return;
            }
            after = page.get(page.size() - 1).seq;
        }
    }

    /** The detached signature of the range's CSV: ECDSA P-256 over SHA-256, DER, base64. */
    public String signature(AuditRange range) {
        Signature signer = signingKey.signer();
        try {
            writeCsv(range, new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    try {
                        signer.update(bytes, offset, length);
                    } catch (SignatureException e) {
                        throw new IOException(e);
                    }
                }
            });
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SignatureException e) {
            throw new IllegalStateException("the audit export cannot be signed", e);
        }
    }

    /**
     * Walks the chain up to its committed head: every seq present once in order, every prev_hash the hash of the
     * entry before, every hash the hash of its entry's content, and the last entry the head.
     */
    public ChainVerification verify() {
        String tid = tenantId();
        AuditEntryRepository.Head head = QuarkusTransaction.requiringNew().call(entries::head);
        AuditRange all = new AuditRange(Optional.empty(), Optional.empty(), head.lastSeq());
        long expectedSeq = 1;
        String previousHash = AuditChain.GENESIS;
        while (true) {
            List<AuditEntry> page = page(expectedSeq - 1, all);
            for (AuditEntry entry : page) {
                if (entry.seq != expectedSeq) {
                    return ChainVerification.broken(expectedSeq, head, "entry " + expectedSeq + " is missing");
                }
                if (!entry.prevHash.equals(previousHash)) {
                    return ChainVerification.broken(entry.seq, head,
                            "its prev_hash is not the hash of entry " + (entry.seq - 1));
                }
                if (!AuditChain.hash(tid, entry).equals(entry.hash)) {
                    return ChainVerification.broken(entry.seq, head, "its content does not match its hash");
                }
                previousHash = entry.hash;
                expectedSeq++;
            }
            if (page.size() < PAGE_SIZE) {
                break;
            }
        }
        if (expectedSeq - 1 != head.lastSeq()) {
            return ChainVerification.broken(expectedSeq, head, "entries " + expectedSeq + " to " + head.lastSeq()
                    + " are missing: the chain ends before its head");
        }
        if (!previousHash.equals(head.lastHash())) {
            return ChainVerification.broken(head.lastSeq(), head, "the last entry is not the one the head records");
        }
        return ChainVerification.intact(head);
    }

    private List<AuditEntry> page(long after, AuditRange range) {
        return QuarkusTransaction.requiringNew().call(
                () -> entries.page(after, range.untilSeq(), range.from(), range.to(), PAGE_SIZE));
    }

    private String tenantId() {
        return tenant.tenantId().orElseThrow(() -> new IllegalStateException("the audit trail needs a tenant"));
    }
}
