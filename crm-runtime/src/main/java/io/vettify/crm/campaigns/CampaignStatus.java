package io.vettify.crm.campaigns;

public enum CampaignStatus {
    DRAFT, SENDING, SENT, FAILED
}
