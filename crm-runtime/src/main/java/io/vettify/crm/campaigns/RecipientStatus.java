package io.vettify.crm.campaigns;

/**
 * Where one recipient's e-mail is: QUEUED until its batch is answered, then SENT (accepted by the provider) or
 * FAILED (refused); the provider's webhook later says DELIVERED or BOUNCED.
 */
public enum RecipientStatus {
    QUEUED, SENT, DELIVERED, BOUNCED, FAILED
}
