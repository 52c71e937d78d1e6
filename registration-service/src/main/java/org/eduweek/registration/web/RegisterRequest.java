package org.eduweek.registration.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eduweek.registration.domain.SeatMode;

/**
 * What a participant may say when registering. Anything else in the body (status, participantId, id...) is
 * server-owned and ignored.
 */
public record RegisterRequest(
        @Schema(description = "The session to register for", example = "ses-fair-2020")
        @NotBlank @Size(max = 200) String sessionId,
        @Schema(description = "IN_PERSON or ONLINE; default: the session's only mode, IN_PERSON for hybrid sessions. "
                + "Seats and waitlists are per mode: a full mode puts the caller on that mode's waitlist; a mode "
                + "the session does not offer is a 400 on this field.")
        SeatMode seatMode) {
}
