package io.vettify.crm.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a JSON body over the API limit, and a CSV import over the import limit, before it is read, with 413
 * problem+json. (Other uploads, such as attachments, stay under the HTTP server's own limit.)
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Room for the multipart framing and the mapping part around an import's file. */
    private static final long MULTIPART_OVERHEAD_BYTES = 128 * 1024;

    private final long maxJsonBytes;
    private final long maxImportBytes;
    private final String tooLarge;
    private final String importTooLarge;

    public BodySizeLimit(@ConfigProperty(name = "vettify.api.max-json-body-bytes") long maxJsonBytes,
            @ConfigProperty(name = "vettify.import.max-file-bytes") long maxImportFileBytes,
            ObjectMapper mapper) throws JsonProcessingException {
        this.maxJsonBytes = maxJsonBytes;
        this.maxImportBytes = maxImportFileBytes + MULTIPART_OVERHEAD_BYTES;
        this.tooLarge = mapper.writeValueAsString(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "a JSON body may have at most " + maxJsonBytes + " bytes"));
        this.importTooLarge = mapper.writeValueAsString(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "a CSV file to import may have at most " + maxImportFileBytes + " bytes"));
    }

    void install(@Observes Router router) {
        router.route("/v1/crm/leads/import").order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && exceeds(length, maxImportBytes)) {
                refuse(context, importTooLarge);
                return;
            }
            context.next();
        });
        router.route("/v1/*").order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (length != null && type != null && type.contains("json") && exceeds(length, maxJsonBytes)) {
                refuse(context, tooLarge);
                return;
            }
            context.next();
        });
    }

    private static void refuse(RoutingContext context, String problem) {
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem);
    }

    private static boolean exceeds(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
