package io.vettify.crm.leads.responses;

import java.util.Locale;

/** How a lead's first response went against its SLA; stored on the lead, and the {@code outcome} tag of the SLI. */
public enum ResponseOutcome {
    RESPONDED, MISSED;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
