package io.vettify.crm.leads;

public enum LeadSource {
    WEB, IMPORT, REFERRAL, EVENT, SOCIAL, OTHER
}
