package io.vettify.crm.campaigns;

/** The body of a send: {@code confirm} must be true, because a sent campaign cannot be recalled. */
public record SendRequest(Boolean confirm) {
}
