package io.vettify.crm.campaigns;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One event of the e-mail provider's webhook about a message of a campaign. {@code tid} and {@code whid} are the
 * metadata the runtime gave the message, echoed by the provider; they are trusted only because the body is signed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmailEvent(
        @Pattern(regexp = "^[a-z][a-z0-9-]{1,39}$", message = "must be a tenant id") String tid,
        @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,39}$", message = "must be a warehouse id") String whid,
        @NotNull Type type,
        @NotBlank @Size(max = 200) String messageId,
        Instant occurredAt) {

    public enum Type {
        @JsonProperty("delivered") DELIVERED,
        @JsonProperty("bounced") BOUNCED,
        @JsonProperty("opened") OPENED,
        @JsonProperty("clicked") CLICKED
    }
}
