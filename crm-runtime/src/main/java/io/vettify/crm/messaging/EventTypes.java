package io.vettify.crm.messaging;

import java.util.List;

/** Names of the events the runtime publishes: {@code <module>.<ctx>.<event>} (PRODUCT.md §6). */
public final class EventTypes {

    public static final String LEAD_CREATED = "crm.lead.created";
    public static final String LEAD_CONVERTED = "crm.lead.converted";
    public static final String OPPORTUNITY_STAGE_CHANGED = "crm.opportunity.stage_changed";

    public static final List<String> PUBLISHED = List.of(LEAD_CREATED, LEAD_CONVERTED, OPPORTUNITY_STAGE_CHANGED);

    private EventTypes() {
    }
}
