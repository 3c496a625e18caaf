package io.vettify.crm.opportunities;

import io.vettify.crm.common.CrmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order of the sales module, linked to the opportunity (or only the account) it came from. Id = order id. */
@Entity
@Table(schema = "crm", name = "sales_orders")
public class SalesOrder extends CrmEntity {

    @Column(name = "order_number")
    public String orderNumber;

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "opportunity_id")
    public UUID opportunityId;

    public BigDecimal amount;

    public String currency;

    @Column(name = "ordered_at")
    public Instant orderedAt;
}
