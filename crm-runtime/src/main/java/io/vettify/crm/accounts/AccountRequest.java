package io.vettify.crm.accounts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.vettify.crm.common.validation.Cui;
import io.vettify.crm.common.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The writable fields of an account; {@code version} is required on updates. Read-only fields are ignored. */
@JsonIgnoreProperties({"id", "complianceStatus", "officialName", "vatPayer", "employees", "churnRisk", "churnScore",
        "createdAt", "updatedAt"})
public record AccountRequest(
        @NotBlank @Size(max = 200) String name,
        @Cui String cui,
        @Size(max = 100) String industry,
        @Size(max = 500) @Pattern(regexp = Patterns.WEBSITE, message = Patterns.WEBSITE_MESSAGE) String website,
        @Size(max = 40) @Pattern(regexp = Patterns.PHONE, message = Patterns.PHONE_MESSAGE) String phone,
        @Pattern(regexp = Patterns.WAREHOUSE, message = Patterns.WAREHOUSE_MESSAGE) String whid,
        Long version) {

    static AccountRequest of(Account account) {
        return new AccountRequest(account.name, account.cui, account.industry, account.website, account.phone,
                account.whid, account.version);
    }
}
