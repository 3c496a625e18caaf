package io.vettify.crm.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a JSON body over the API limit, and any body over the HTTP server's own limit (uploads such as attachments),
 * before it is read, with 413 problem+json rather than the server's bare 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxJsonBytes;
    private final long maxBodyBytes;
    private final String jsonTooLarge;
    private final String bodyTooLarge;

    public BodySizeLimit(@ConfigProperty(name = "vettify.api.max-json-body-bytes") long maxJsonBytes,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper mapper) throws JsonProcessingException {
        this.maxJsonBytes = maxJsonBytes;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.jsonTooLarge = mapper.writeValueAsString(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "a JSON body may have at most " + maxJsonBytes + " bytes"));
        this.bodyTooLarge = mapper.writeValueAsString(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "a request body may have at most " + maxBodyBytes + " bytes"));
    }

    void install(@Observes Router router) {
        router.route("/v1/*").order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
            long bytes = length == null ? -1 : parse(length);
            if (bytes > maxBodyBytes) {
                refuse(context.response(), bodyTooLarge);
                return;
            }
            if (type != null && type.contains("json") && bytes > maxJsonBytes) {
                refuse(context.response(), jsonTooLarge);
                return;
            }
            context.next();
        });
    }

    private static void refuse(HttpServerResponse response, String problem) {
        response.setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem);
    }

    private static long parse(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
