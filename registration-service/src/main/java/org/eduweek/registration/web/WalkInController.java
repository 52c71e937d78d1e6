package org.eduweek.registration.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.eduweek.registration.domain.SeatMode;
import org.eduweek.registration.domain.WalkIns;

@RestController
@RequestMapping("/api/registrations/sessions/{sessionId}/walk-ins")
@Tag(name = "Session registrations")
public class WalkInController {

    private final WalkIns walkIns;
    private final OrganizerSessions organizerSessions;

    public WalkInController(WalkIns walkIns, OrganizerSessions organizerSessions) {
        this.walkIns = walkIns;
        this.organizerSessions = organizerSessions;
    }

    public record WalkInResult(String registrationId, String participantId, String participantName, SeatMode seatMode,
            Instant checkedInAt, boolean invited) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    @Operation(summary = "Register someone at the door for a free seat and check them in (organizers)",
            description = "Finds the account with this email at the identity provider, or creates it by invitation "
                    + "(a mail to set their own password and verify the address; `invited` true), stores their "
                    + "profile if they have none, registers them for a free seat (in-person first, never the "
                    + "waitlist) and checks them in. Send an Idempotency-Key: a retry with it answers the first "
                    + "result; a retry without it still finds the same account, registration and check-in. "
                    + "403 not-on-team for an organizer of another edition; 409 no free seat (nothing written, nobody invited) or a cancelled session; 503 "
                    + "identity-admin-unavailable when the identity provider's admin API is off or down.")
    @ApiResponse(responseCode = "201", description = "Registered and checked in")
    @ApiResponse(responseCode = "409", description = "No free seat, or the session is cancelled")
    @ApiResponse(responseCode = "503", description = "Identity provider's admin API not configured or unreachable")
    public ResponseEntity<WalkInResult> walkIn(@AuthenticationPrincipal Jwt jwt, @PathVariable String sessionId,
            @Valid @RequestBody WalkInRequest request) {
        // the edition's team before anyone is looked up, invited or written
        organizerSessions.require(sessionId);
        WalkIns.Admitted admitted = walkIns.admit(sessionId, request.name().strip(), request.email().strip(),
                request.language() == null ? "en" : request.language(), jwt.getSubject());
        var r = admitted.registration();
        return ResponseEntity.status(HttpStatus.CREATED).body(new WalkInResult(r.id(), r.participantId(),
                admitted.participantName(), r.seatMode(), r.checkedInAt(), admitted.invited()));
    }
}
