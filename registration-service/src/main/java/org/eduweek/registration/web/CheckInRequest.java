package org.eduweek.registration.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The text read from the participant's QR code. */
public record CheckInRequest(@NotBlank @Size(max = 1000) String token) {
}
