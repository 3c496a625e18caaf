package io.vettify.crm.messaging;

import java.util.List;

/** Names of the events the runtime publishes and consumes: {@code <module>.<ctx>.<event>} (PRODUCT.md §6). */
public final class EventTypes {

    public static final String LEAD_CREATED = "crm.lead.created";
    public static final String LEAD_CONVERTED = "crm.lead.converted";
    public static final String LEAD_IMPORTED = "crm.lead.imported";
    public static final String OPPORTUNITY_STAGE_CHANGED = "crm.opportunity.stage_changed";
    public static final String ACCOUNT_VERIFIED = "crm.account.verified";
    public static final String CAMPAIGN_SENT = "crm.campaign.sent";
    public static final String GDPR_EXPORTED = "crm.gdpr.exported";
    public static final String GDPR_ERASED = "crm.gdpr.erased";

    public static final String SALES_ORDER_CREATED = "sales.order.created";
    public static final String SHIPMENT_DELIVERED = "wms.shipment.delivered";
    public static final String TAXPAYER_VERIFIED = "compliance.taxpayer.verified";

    public static final List<String> PUBLISHED = List.of(LEAD_CREATED, LEAD_CONVERTED, LEAD_IMPORTED,
            OPPORTUNITY_STAGE_CHANGED, ACCOUNT_VERIFIED, CAMPAIGN_SENT, GDPR_EXPORTED, GDPR_ERASED);
    public static final List<String> CONSUMED = List.of(SALES_ORDER_CREATED, SHIPMENT_DELIVERED, TAXPAYER_VERIFIED);

    private EventTypes() {
    }
}
