package io.vettify.crm.audit;

/**
 * The outcome of verifying a tenant's audit chain up to its head.
 *
 * @param brokenAtSeq the first entry that does not hold (null when valid)
 * @param problem what is wrong there (null when valid)
 */
public record ChainVerification(boolean valid, long entries, String lastHash, Long brokenAtSeq, String problem) {

    static ChainVerification intact(AuditEntryRepository.Head head) {
        return new ChainVerification(true, head.lastSeq(), head.lastHash(), null, null);
    }

    static ChainVerification broken(long seq, AuditEntryRepository.Head head, String problem) {
        return new ChainVerification(false, head.lastSeq(), head.lastHash(), seq, problem);
    }
}
