package io.vettify.operator.tenant;

/**
 * A failure a dependent can name: its {@code reason} (UpperCamelCase, as Kubernetes condition reasons are) and a
 * message a platform engineer can act on. The tenant's condition shows both; the reconciliation is retried.
 */
public class ProvisioningException extends RuntimeException {

    private final String reason;

    public ProvisioningException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ProvisioningException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
