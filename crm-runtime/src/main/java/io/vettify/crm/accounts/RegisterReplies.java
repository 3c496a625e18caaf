package io.vettify.crm.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vettify.crm.workers.WorkerJob;
import io.vettify.crm.workers.WorkerReplyHandler;
import io.vettify.crm.workers.Workers;
import jakarta.enterprise.context.ApplicationScoped;

/** The answers of {@code anaf.taxpayer} and {@code reges} applied to the account they were asked for. */
final class RegisterReplies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegisterReplies() {
    }

    /** The fiscal code a job asked about. */
    static String cuiOf(WorkerJob job) {
        try {
            return JSON.readTree(job.request).path("cui").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job " + job.id + " has no JSON request", e);
        }
    }

    @ApplicationScoped
    static class Taxpayer implements WorkerReplyHandler {

        private final AccountRepository accounts;
        private final AccountVerification verification;
        private final TaxpayerCache cache;

        Taxpayer(AccountRepository accounts, AccountVerification verification, TaxpayerCache cache) {
            this.accounts = accounts;
            this.verification = verification;
            this.cache = cache;
        }

        @Override
        public String worker() {
            return Workers.ANAF_TAXPAYER;
        }

        @Override
        public void completed(WorkerJob job, JsonNode result) {
            cache.rememberTaxpayer(result.get("cui").asText(), result);
            accounts.findByIdOptional(job.subjectId)
                    .ifPresent(account -> verification.recordTaxpayer(account.id, account.whid, result, null));
        }

        @Override
        public void failed(WorkerJob job) {
            // no answer: the account is not verified (an update of its fiscal code asks again)
            accounts.unverifyIfPending(job.subjectId, cuiOf(job));
        }
    }

    @ApplicationScoped
    static class Employees implements WorkerReplyHandler {

        private final AccountRepository accounts;
        private final AccountVerification verification;
        private final TaxpayerCache cache;

        Employees(AccountRepository accounts, AccountVerification verification, TaxpayerCache cache) {
            this.accounts = accounts;
            this.verification = verification;
            this.cache = cache;
        }

        @Override
        public String worker() {
            return Workers.REGES;
        }

        @Override
        public void completed(WorkerJob job, JsonNode result) {
            cache.rememberEmployees(result.get("cui").asText(), result);
            verification.recordEmployees(job.subjectId, result);
        }

        @Override
        public void failed(WorkerJob job) {
            // the employee count is optional: the account keeps what it had
        }
    }
}
