package io.vettify.crm.opportunities;

import io.vettify.crm.common.CrmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(schema = "crm", name = "opportunities")
public class Opportunity extends CrmEntity {

    public String name;

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "contact_id")
    public UUID contactId;

    public BigDecimal amount = BigDecimal.ZERO;

    public String currency = "RON";

    @Enumerated(EnumType.STRING)
    public Stage stage = Stage.PROSPECTING;

    @Column(name = "expected_close_date")
    public LocalDate expectedCloseDate;

    @Column(name = "closed_at")
    public Instant closedAt;
}
