package io.vettify.crm.leads.responses;

/** Leads of a tenant were settled in the current transaction; counted by {@link LeadResponseMetrics} once it commits. */
record LeadResponseSettled(String tid, ResponseOutcome outcome, int leads) {
}
