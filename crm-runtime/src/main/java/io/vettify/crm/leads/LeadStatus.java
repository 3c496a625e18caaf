package io.vettify.crm.leads;

public enum LeadStatus {
    NEW, CONTACTED, QUALIFIED, DISQUALIFIED, CONVERTED
}
