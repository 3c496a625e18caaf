package io.vettify.crm.summaries;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What to summarise besides what the CRM knows of the subject: meeting or email notes (optional), and how long the
 * summary may be (1–10 sentences, default 3).
 */
public record SummaryRequest(
        @Size(max = 100) List<@NotBlank @Size(max = 10000) String> notes,
        @Min(1) @Max(10) Integer maxSentences) {
}
