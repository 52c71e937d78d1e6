package org.eduweek.registration.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A walk-in as the door types them; {@code language} is the one their invitation and mails are written in. */
public record WalkInRequest(
        @Schema(description = "Their name, as they want it on the roster") @NotBlank @Size(max = 100)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be one line without control characters") String name,
        @Schema(description = "Their email: finds their account, or receives the invitation to one") @NotBlank
        @Email @Size(max = 254) String email,
        @Schema(description = "en (default) or zh", allowableValues = {"en", "zh"})
        @Pattern(regexp = "en|zh", message = "must be en or zh") String language) {
}
