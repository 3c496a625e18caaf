package io.vettify.crm.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.vettify.crm.workers.WorkerJob;
import io.vettify.crm.workers.WorkerReplyHandler;
import io.vettify.crm.workers.Workers;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.RoundingMode;

/** The ai.churn answer becomes the account's churn score and bucket. */
@ApplicationScoped
public class ChurnReplies implements WorkerReplyHandler {

    private final AccountRepository accounts;

    public ChurnReplies(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public String worker() {
        return Workers.AI_CHURN;
    }

    @Override
    public void completed(WorkerJob job, JsonNode result) {
        accounts.recordChurn(job.subjectId, result.get("score").decimalValue().setScale(4, RoundingMode.HALF_UP),
                ChurnRisk.valueOf(result.get("bucket").asText()));
    }

    @Override
    public void failed(WorkerJob job) {
        // the account keeps its last known risk; the next activity asks again
    }
}
