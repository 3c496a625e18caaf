package io.vettify.crm.accounts;

/** The churn-risk bucket of an account (from the ai.churn score: LOW below 0.33, HIGH from 0.66). */
public enum ChurnRisk {
    LOW, MEDIUM, HIGH
}
