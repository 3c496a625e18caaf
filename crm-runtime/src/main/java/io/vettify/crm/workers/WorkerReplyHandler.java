package io.vettify.crm.workers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a feature does with the outcome of its worker's jobs: one CDI bean per worker. Called in a transaction bound
 * to the job's tenant and warehouse, the same transaction that settles the job (an exception rolls both back and the
 * job FAILS without a second call).
 */
public interface WorkerReplyHandler {

    /** The worker this handler settles (e.g. {@code anaf.taxpayer}). */
    String worker();

    /** The worker answered; {@code result} is valid against the worker's response schema. */
    void completed(WorkerJob job, JsonNode result);

    /** The job FAILED or TIMED_OUT ({@link WorkerJob#status}, {@link WorkerJob#error} say why). */
    void failed(WorkerJob job);
}
