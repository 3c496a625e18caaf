package io.vettify.crm.opportunities;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /opportunities/{id}/stage}; {@code version}, when sent, must be current. */
public record StageChange(@NotNull Stage stage, Long version) {
}
