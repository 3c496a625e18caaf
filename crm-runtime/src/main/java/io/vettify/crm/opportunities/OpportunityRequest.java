package io.vettify.crm.opportunities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.vettify.crm.common.validation.CurrencyCode;
import io.vettify.crm.common.validation.Patterns;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The writable fields of an opportunity; {@code version} is required on updates. A change of {@code stage} obeys
 * the same rules as {@code POST /opportunities/{id}/stage}. Read-only fields are ignored.
 */
@JsonIgnoreProperties({"id", "closedAt", "salesOrders", "createdAt", "updatedAt"})
public record OpportunityRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull UUID accountId,
        UUID contactId,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal amount,
        @CurrencyCode String currency,
        Stage stage,
        LocalDate expectedCloseDate,
        @Pattern(regexp = Patterns.WAREHOUSE, message = Patterns.WAREHOUSE_MESSAGE) String whid,
        Long version) {

    static OpportunityRequest of(Opportunity o) {
        return new OpportunityRequest(o.name, o.accountId, o.contactId, o.amount, o.currency, o.stage,
                o.expectedCloseDate, o.whid, o.version);
    }
}
