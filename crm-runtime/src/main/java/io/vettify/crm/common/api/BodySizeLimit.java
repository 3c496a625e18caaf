package io.vettify.crm.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a JSON body over the API limit before it is read, with 413 problem+json. (Larger uploads, such as
 * attachments, are not JSON and stay under the HTTP server's own limit.)
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxJsonBytes;
    private final String tooLarge;

    public BodySizeLimit(@ConfigProperty(name = "vettify.api.max-json-body-bytes") long maxJsonBytes,
            ObjectMapper mapper) throws JsonProcessingException {
        this.maxJsonBytes = maxJsonBytes;
        this.tooLarge = mapper.writeValueAsString(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "a JSON body may have at most " + maxJsonBytes + " bytes"));
    }

    void install(@Observes Router router) {
        router.route("/v1/*").order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (length != null && type != null && type.contains("json") && exceeds(length)) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(tooLarge);
                return;
            }
            context.next();
        });
    }

    private boolean exceeds(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxJsonBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
