package io.vettify.crm.leads;

import io.vettify.crm.common.validation.CurrencyCode;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What converting a lead creates; every field of the request is optional. */
public final class Conversion {

    private Conversion() {
    }

    public record Request(
            @Size(max = 200) String opportunityName,
            @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal amount,
            @CurrencyCode String currency,
            LocalDate expectedCloseDate) {

        static final Request DEFAULTS = new Request(null, null, null, null);
    }

    public record Result(UUID accountId, UUID contactId, UUID opportunityId) {
    }
}
