package io.vettify.crm.messaging;

import jakarta.enterprise.context.RequestScoped;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id and W3C trace context of the current unit of work: taken from the request's
 * {@code X-Correlation-Id} and {@code traceparent} headers when they are well formed, generated otherwise, and
 * carried into every event it records.
 */
@RequestScoped
public class RequestCorrelation {

    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern CORRELATION_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
    private static final Pattern TRACEPARENT = Pattern.compile("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private String correlationId;
    private String traceparent;

    /** Continues the correlation and trace of earlier work (a consumed message, a worker job); malformed values are ignored. */
    public void adopt(String correlationId, String traceparent) {
        if (correlationId != null && CORRELATION_ID.matcher(correlationId).matches()) {
            this.correlationId = correlationId;
        }
        if (traceparent != null && TRACEPARENT.matcher(traceparent).matches()) {
            this.traceparent = traceparent;
        }
    }

    public String correlationId() {
        if (correlationId == null) {
            correlationId = UUID.randomUUID().toString();
        }
        return correlationId;
    }

    public String traceparent() {
        if (traceparent == null) {
            HexFormat hex = HexFormat.of();
            byte[] traceId = new byte[16];
            byte[] spanId = new byte[8];
            RANDOM.nextBytes(traceId);
            RANDOM.nextBytes(spanId);
            traceparent = "00-" + hex.formatHex(traceId) + "-" + hex.formatHex(spanId) + "-01";
        }
        return traceparent;
    }
}
