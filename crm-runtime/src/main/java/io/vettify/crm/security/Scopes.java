package io.vettify.crm.security;

/** OAuth scopes of the CRM API (PRODUCT.md §4); the token's {@code scope} claim maps to these roles. */
public final class Scopes {

    /** Read every CRM resource. */
    public static final String READ = "crm/read";
    /** Create and change accounts, contacts, leads and opportunities. */
    public static final String WRITE = "crm/write";
    /** Manage and send campaigns. */
    public static final String CAMPAIGNS = "crm/campaigns";
    /** Audit export, GDPR erase, imports, reopening closed opportunities. */
    public static final String ADMIN = "crm/admin";

    private Scopes() {
    }
}
