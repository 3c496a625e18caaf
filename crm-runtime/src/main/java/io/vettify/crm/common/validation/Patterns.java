package io.vettify.crm.common.validation;

/** Shapes of common fields, shared by the request records. */
public final class Patterns {

    public static final String WAREHOUSE = "^[a-z0-9][a-z0-9-]{0,39}$";
    public static final String WAREHOUSE_MESSAGE = "must be a warehouse id (lower-case letters, digits and '-')";
    public static final String PHONE = "^\\+?[0-9 ()./-]{3,40}$";
    public static final String PHONE_MESSAGE = "must be a phone number (digits, spaces, + ( ) . / -)";
    public static final String WEBSITE = "^(https?://)?[A-Za-z0-9.-]+\\.[A-Za-z]{2,}(:[0-9]{1,5})?(/\\S*)?$";
    public static final String WEBSITE_MESSAGE = "must be a web address such as https://example.ro";

    private Patterns() {
    }
}
