package io.vettify.crm.ui;

/** One entry of the UI's navigation: the client route, the i18n key of its label, the scope it needs. */
public record NavItem(String path, String labelKey, String scope) {
}
