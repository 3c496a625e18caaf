package io.vettify.crm.accounts;

import io.vettify.crm.common.CrmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import java.math.BigDecimal;

/** Only changed columns are written, so a client's save never overwrites what background work recorded meanwhile. */
@Entity
@DynamicUpdate
@Table(schema = "crm", name = "accounts")
public class Account extends CrmEntity {

    public String name;

    /** Canonical fiscal code: digits only, without the {@code RO} prefix. */
    public String cui;

    public String industry;

    public String website;

    public String phone;

    @Enumerated(EnumType.STRING)
    @Column(name = "compliance_status")
    public ComplianceStatus complianceStatus = ComplianceStatus.UNVERIFIED;

    @Column(name = "official_name")
    public String officialName;

    @Column(name = "vat_payer")
    public Boolean vatPayer;

    public Integer employees;

    /** The ai.churn score, 0..1. */
    @Column(name = "churn_risk")
    public BigDecimal churnScore;

    @Enumerated(EnumType.STRING)
    @Column(name = "churn_risk_bucket")
    public ChurnRisk churnRisk;
}
