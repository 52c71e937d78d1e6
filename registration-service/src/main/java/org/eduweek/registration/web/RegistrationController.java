package org.eduweek.registration.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.eduweek.platform.security.CurrentUser;
import org.eduweek.platform.web.ApiException;
import org.eduweek.registration.domain.QrTokens;
import org.eduweek.registration.domain.Registration;
import org.eduweek.registration.domain.RegistrationService;
import org.eduweek.registration.store.Registrations;
import org.eduweek.registration.store.SessionReplica;

@RestController
@RequestMapping("/api/registrations")
@Tag(name = "Registrations", description = "Register for sessions, see and cancel your registrations, get your QR code")
public class RegistrationController {

    private final RegistrationService service;
    private final Registrations registrations;
    private final SessionReplica sessions;
    private final QrTokens qrTokens;
    private final Clock clock;

    public RegistrationController(RegistrationService service, Registrations registrations, SessionReplica sessions,
            QrTokens qrTokens, Clock clock) {
        this.service = service;
        this.registrations = registrations;
        this.sessions = sessions;
        this.qrTokens = qrTokens;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasRole('PARTICIPANT')")
    @Operation(summary = "Register for a session",
            description = "201 with status CONFIRMED (a seat was taken atomically) or WAITLISTED (with position). "
                    + "Seats are counted per seat mode: for a HYBRID session the caller chooses seatMode IN_PERSON or "
                    + "ONLINE (default IN_PERSON); when the chosen mode is full the answer is 201 WAITLISTED on that "
                    + "mode's waitlist (seatMode and waitlistPosition say which and where), even if the other mode "
                    + "has free seats: read GET /api/registrations/sessions/{id}/availability first to offer the "
                    + "choice. A seatMode the session does not offer is 400 validation on field seatMode. "
                    + "Already registered: 200 with the existing registration. Unknown or unpublished session: 404. "
                    + "Cancelled or started session, audience/level mismatch, overlap with one of your confirmed "
                    + "sessions: 409 naming the reason. Server-owned fields in the body (status, ids...) are ignored. "
                    + "joinLink (ONLINE/HYBRID sessions) is set only while the registration is CONFIRMED. "
                    + "Honours Idempotency-Key.")
    public ResponseEntity<RegistrationView> register(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody RegisterRequest request) {
        RegistrationService.Registered result = service.register(CurrentUser.from(jwt), request.sessionId(),
                request.seatMode());
        RegistrationView view = RegistrationView.of(result.registration(), result.waitlistPosition(),
                result.session(), clock.instant());
        if (!result.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/registrations/" + view.id())).body(view);
    }

    @GetMapping("/mine")
    @Operation(summary = "My registrations, oldest first, with waitlist positions")
    public List<RegistrationView> mine(@AuthenticationPrincipal Jwt jwt) {
        return registrations.ofParticipant(jwt.getSubject()).stream()
                .map(r -> view(r, registrations.waitlistPosition(r))).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One registration", description = "Your own, or any for organizers; someone else's is 404.")
    public RegistrationView one(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Registration r = service.visible(CurrentUser.from(jwt), id);
        return view(r, registrations.waitlistPosition(r));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a registration",
            description = "Your own (reason PARTICIPANT) or, for organizers, anyone's (reason ORGANIZER). A freed "
                    + "seat goes to the first person on the waitlist at once. Cancelling twice is harmless.")
    public RegistrationView cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @Valid @RequestBody(required = false) CancelRequest request) {
        Registration r = service.cancel(CurrentUser.from(jwt), id, request == null ? null : request.reason());
        return view(r, 0);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Cancel a registration (same as POST /{id}/cancel without a reason)")
    public RegistrationView delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return view(service.cancel(CurrentUser.from(jwt), id, null), 0);
    }

    @GetMapping(value = "/{id}/qr", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "QR code (PNG) of a confirmed registration, for check-in at the door")
    public ResponseEntity<byte[]> qr(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Registration r = confirmedOwn(jwt, id);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrCodes.png(qrTokens.issue(r.id(), r.sessionId()), 300));
    }

    @GetMapping("/{id}/qr-token")
    @Operation(summary = "The signed text inside the QR code (for apps that draw the code themselves)")
    public Map<String, String> qrToken(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Registration r = confirmedOwn(jwt, id);
        return Map.of("registrationId", r.id(), "token", qrTokens.issue(r.id(), r.sessionId()));
    }

    private Registration confirmedOwn(Jwt jwt, String id) {
        Registration r = service.visible(CurrentUser.from(jwt), id);
        if (!r.isConfirmed()) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict",
                    "Only a confirmed registration has a QR code; this one is " + r.status());
        }
        return r;
    }

    private RegistrationView view(Registration r, int position) {
        return RegistrationView.of(r, position, sessions.find(r.sessionId()).orElse(null), clock.instant());
    }
}
