package org.eduweek.registration.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** The text read from the participant's QR code, or, for someone without their phone, their registration's id. */
public record CheckInRequest(
        @Schema(description = "The text of the QR code") @Size(max = 1000) String token,
        @Schema(description = "Instead of a token: the registration picked from the door roster") @Size(max = 200)
        String registrationId) {
}
