package io.vettify.crm.gdpr;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An erasure request (GDPR art. 17); {@code confirm} must be true, since an erasure cannot be undone. */
public record EraseRequest(
        @NotBlank @Email @Size(max = 320) String email,
        @NotNull(message = "must be true: an erasure cannot be undone")
        @AssertTrue(message = "must be true: an erasure cannot be undone") Boolean confirm) {
}
