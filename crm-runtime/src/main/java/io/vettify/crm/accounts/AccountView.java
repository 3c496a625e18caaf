package io.vettify.crm.accounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record AccountView(
        UUID id,
        String name,
        String cui,
        String industry,
        String website,
        String phone,
        String whid,
        ComplianceStatus complianceStatus,
        String officialName,
        Boolean vatPayer,
        Integer employees,
        ChurnRisk churnRisk,
        BigDecimal churnScore,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static AccountView of(Account a) {
        return new AccountView(a.id, a.name, a.cui, a.industry, a.website, a.phone, a.whid, a.complianceStatus,
                a.officialName, a.vatPayer, a.employees, a.churnRisk, a.churnScore, a.createdAt, a.updatedAt, a.version);
    }
}
