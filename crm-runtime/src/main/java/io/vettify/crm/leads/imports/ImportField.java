package io.vettify.crm.leads.imports;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The lead fields a CSV column can be mapped to, named as in the lead API. */
public enum ImportField {
    FIRST_NAME("firstName"),
    LAST_NAME("lastName"),
    EMAIL("email"),
    COMPANY("company"),
    CUI("cui"),
    SOURCE("source"),
    STATUS("status"),
    MARKETING_CONSENT("marketingConsent"),
    CONSENT_SOURCE("consentSource"),
    WHID("whid");

    private final String fieldName;

    ImportField(String fieldName) {
        this.fieldName = fieldName;
    }

    public String fieldName() {
        return fieldName;
    }

    static Optional<ImportField> named(String name) {
        return Arrays.stream(values()).filter(field -> field.fieldName.equals(name)).findFirst();
    }

    static String allNames() {
        return Arrays.stream(values()).map(ImportField::fieldName).collect(Collectors.joining(", ", "[", "]"));
    }
}
