package io.vettify.crm.workers;

public enum WorkerJobStatus {
    PENDING, DONE, FAILED, TIMED_OUT
}
