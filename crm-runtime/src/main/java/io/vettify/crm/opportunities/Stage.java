package io.vettify.crm.opportunities;

/** Pipeline stages; the two closed stages are terminal except for a {@code crm/admin} reopen. */
public enum Stage {
    PROSPECTING, QUALIFICATION, PROPOSAL, NEGOTIATION, CLOSED_WON, CLOSED_LOST;

    public boolean isClosed() {
        return this == CLOSED_WON || this == CLOSED_LOST;
    }
}
