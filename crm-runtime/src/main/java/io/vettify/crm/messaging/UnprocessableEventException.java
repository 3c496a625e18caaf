package io.vettify.crm.messaging;

/** A consumed event that can never be processed as it is (it goes to the dead-letter queue at once). */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }
}
