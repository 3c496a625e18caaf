package io.vettify.crm.campaigns;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.vettify.crm.common.validation.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The writable fields of a campaign; {@code version} is required on updates. Read-only fields are ignored. */
@JsonIgnoreProperties({"id", "status", "metrics", "createdAt", "updatedAt"})
public record CampaignRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 300) String subject,
        @NotBlank @Size(max = 200_000) String bodyHtml,
        @NotNull @Valid Audience audience,
        @Pattern(regexp = Patterns.WAREHOUSE, message = Patterns.WAREHOUSE_MESSAGE) String whid,
        Long version) {

    static CampaignRequest of(Campaign c) {
        return new CampaignRequest(c.name, c.subject, c.bodyHtml, c.audience, c.whid, c.version);
    }
}
