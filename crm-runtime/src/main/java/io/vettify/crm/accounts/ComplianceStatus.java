package io.vettify.crm.accounts;

/** Outcome of the fiscal-code verification (ANAF) of an account. */
public enum ComplianceStatus {
    UNVERIFIED, PENDING, VERIFIED, INVALID, INACTIVE
}
