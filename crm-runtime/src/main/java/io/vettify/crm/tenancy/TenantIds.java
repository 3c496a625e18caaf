package io.vettify.crm.tenancy;

import java.util.regex.Pattern;

/** The shapes of tenant and warehouse ids (the same checks as the database's). */
public final class TenantIds {

    private static final Pattern TENANT_ID = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");
    private static final Pattern WAREHOUSE_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,39}$");

    private TenantIds() {
    }

    public static boolean isValidTenantId(String value) {
        return value != null && TENANT_ID.matcher(value).matches();
    }

    public static boolean isValidWarehouseId(String value) {
        return value != null && WAREHOUSE_ID.matcher(value).matches();
    }
}
