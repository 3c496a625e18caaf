package io.vettify.crm.common.consent;

/** How a person gave or withdrew marketing consent; {@code API} when a user recorded it without saying how. */
public enum ConsentSource {
    WEB_FORM,
    EMAIL,
    PHONE,
    EVENT,
    IMPORT,
    API
}
