package io.vettify.workers.reference;

/** An error reply: {@code {"ok": false, "error": {"code", "message", "retryable"}}}. */
final class WorkerException extends Exception {

    final String code;
    final boolean retryable;

    WorkerException(String code, String message, boolean retryable) {
        super(message);
        this.code = code;
        this.retryable = retryable;
    }
}
