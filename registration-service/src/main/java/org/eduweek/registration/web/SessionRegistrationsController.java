package org.eduweek.registration.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import org.eduweek.platform.security.CurrentUser;
import org.eduweek.platform.web.ApiException;
import org.eduweek.registration.domain.CheckIns;
import org.eduweek.registration.domain.DoorRoster;
import org.eduweek.registration.domain.Profiles;
import org.eduweek.registration.domain.Registration;
import org.eduweek.registration.domain.RegistrationStatus;
import org.eduweek.registration.domain.SeatMode;
import org.eduweek.registration.domain.Session;
import org.eduweek.registration.store.Registrations;
import org.eduweek.registration.store.SeatCounter;
import org.eduweek.registration.store.SeatLedger;
import org.eduweek.registration.store.SessionReplica;

@RestController
@RequestMapping("/api/registrations/sessions/{sessionId}")
@Tag(name = "Session registrations", description = "Seats, waitlist, check-in and export of one session")
public class SessionRegistrationsController {

    private final SessionReplica sessions;
    private final Registrations registrations;
    private final SeatLedger ledger;
    private final CheckIns checkIns;
    private final Profiles profiles;
    private final Clock clock;
    private final SeatAvailability seats;
    private final AvailabilityFeed feed;
    private final DoorRoster door;
    private final OrganizerSessions organizerSessions;

    public SessionRegistrationsController(SessionReplica sessions, Registrations registrations, SeatLedger ledger,
            CheckIns checkIns, Profiles profiles, Clock clock, SeatAvailability seats, AvailabilityFeed feed,
            DoorRoster door, OrganizerSessions organizerSessions) {
        this.organizerSessions = organizerSessions;
        this.door = door;
        this.seats = seats;
        this.feed = feed;
        this.sessions = sessions;
        this.registrations = registrations;
        this.ledger = ledger;
        this.checkIns = checkIns;
        this.profiles = profiles;
        this.clock = clock;
    }

    @GetMapping("/availability")
    @Operation(summary = "Free seats per seat mode and waitlist length (anyone, no token needed)",
            description = "For each seat mode the session offers (IN_PERSON, ONLINE; both for HYBRID): capacity, "
                    + "free seats, confirmed registrations and the length of that mode's waitlist. Anonymous "
                    + "callers are welcome: the programme is public. A draft session is 404 except for organizers; "
                    + "404 too until the session's SessionScheduled has reached this service. The answer carries an "
                    + "ETag and Cache-Control: no-cache; polling with If-None-Match answers 304 without a body while "
                    + "nothing changed. To follow the seats live, open .../availability/stream instead.")
    @ApiResponse(responseCode = "200", description = "The seats")
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @ApiResponse(responseCode = "404", description = "Unknown here, or a draft")
    public ResponseEntity<SeatAvailability.Availability> availability(@PathVariable String sessionId,
            WebRequest request) {
        SeatAvailability.Availability a = visibleAvailability(sessionId);
        String etag = "\"" + a.version() + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag)
                    .cacheControl(CacheControl.noCache()).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache()).body(a);
    }

    @GetMapping(path = "/availability/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The seats as Server-Sent Events while a page shows them (anyone, no token needed)",
            description = "text/event-stream: an `availability` event at once (data: the same JSON as "
                    + "GET .../availability, id: its version) and another whenever the seats change (looked at every "
                    + "second); a comment line every 15 s keeps proxies from closing an idle stream. The stream ends "
                    + "after 30 minutes and the browser's EventSource reconnects by itself (retry: 3000). Same "
                    + "visibility as GET .../availability: a draft or unknown session is a 404 problem body.")
    @ApiResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE))
    public ResponseEntity<SseEmitter> availabilityStream(@PathVariable String sessionId) {
        SeatAvailability.Availability first = visibleAvailability(sessionId);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("X-Accel-Buffering", "no")
                .contentType(MediaType.TEXT_EVENT_STREAM).body(feed.subscribe(first));
    }

    private SeatAvailability.Availability visibleAvailability(String sessionId) {
        boolean staff = CurrentUser.current().map(CurrentUser::isStaff).orElse(false);
        return seats.of(sessionId, staff).orElseThrow(() -> ApiException.notFound("Session", sessionId));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    @Operation(summary = "A session's registrations (organizers)", description = "Optional status filter; paged.")
    public List<RegistrationView> list(@PathVariable String sessionId,
            @RequestParam(required = false) RegistrationStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        Session s = organizerSessions.require(sessionId);
        if (page < 0 || size < 1 || size > 1000) {
            throw ApiException.badField(page < 0 ? "page" : "size", page < 0 ? "must be >= 0" : "must be 1..1000");
        }
        Instant now = clock.instant();
        return registrations.ofSession(sessionId, status).stream().skip((long) page * size).limit(size)
                .map(r -> RegistrationView.of(r, registrations.waitlistPosition(r), s, now)).toList();
    }

    @GetMapping("/waitlist")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    @Operation(summary = "The waitlist in order (organizers); position 1 is promoted next")
    public List<RegistrationView> waitlist(@PathVariable String sessionId,
            @RequestParam(required = false) SeatMode seatMode) {
        Session s = organizerSessions.require(sessionId);
        Instant now = clock.instant();
        List<RegistrationView> out = new ArrayList<>();
        for (SeatMode mode : seatMode == null ? s.seatModes() : List.of(seatMode)) {
            List<Registration> waiting = registrations.waitlist(sessionId, mode, 0);
            for (int i = 0; i < waiting.size(); i++) {
                out.add(RegistrationView.of(waiting.get(i), i + 1, s, now));
            }
        }
        return out;
    }

    public record CheckInResult(boolean alreadyCheckedIn, String message, RegistrationView registration,
            @Schema(description = "The participant's name from their profile (null if none is stored)")
            String participantName) {
    }

    @PostMapping("/check-ins")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    @Operation(summary = "Check a participant in by the text of their QR code, or by their registration (organizers)",
            description = "Body {\"token\"} (the QR code) or {\"registrationId\"} (picked from GET .../check-ins, for "
                    + "someone without their phone), exactly one of them. 200 with alreadyCheckedIn=false the first "
                    + "time (ParticipantCheckedIn is published), alreadyCheckedIn=true on any later one (nothing "
                    + "changes): a scan sent twice checks in once. Invalid code 400; code of another session or of a "
                    + "cancelled/waitlisted registration 409; a registrationId not of this session 404.")
    public CheckInResult checkIn(@AuthenticationPrincipal Jwt jwt, @PathVariable String sessionId,
            @Valid @RequestBody CheckInRequest request) {
        Session s = organizerSessions.require(sessionId);
        boolean byToken = request.token() != null && !request.token().isBlank();
        boolean byRegistration = request.registrationId() != null && !request.registrationId().isBlank();
        if (byToken == byRegistration) {
            throw ApiException.badField("token", "give either token or registrationId");
        }
        CheckIns.Result result = byToken ? checkIns.checkIn(sessionId, request.token(), jwt.getSubject())
                : checkIns.checkInRegistration(sessionId, request.registrationId().trim(), jwt.getSubject());
        String message = result.alreadyCheckedIn()
                ? "Already checked in at " + result.registration().checkedInAt() : "Checked in";
        String name = profiles.find(result.registration().participantId()).map(p -> p.name()).orElse(null);
        return new CheckInResult(result.alreadyCheckedIn(), message,
                RegistrationView.of(result.registration(), 0, s, clock.instant()), name);
    }

    @GetMapping("/check-ins")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    @Operation(summary = "The door roster: counts of confirmed and checked-in people, and who matches a search "
            + "(organizers)",
            description = "Confirmed registrations only (the ones that can be checked in). `q`: words that must all "
                    + "appear in the name or email, case and accents ignored; blank lists everyone, by name. "
                    + "`limit` 0..200 (default 20); 0 answers the counts alone, which a door page polls.")
    public DoorRoster.Roster doorRoster(@PathVariable String sessionId,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "20") int limit) {
        organizerSessions.require(sessionId);
        if (limit < 0 || limit > 200) {
            throw ApiException.badField("limit", "must be 0..200");
        }
        if (q != null && q.length() > 200) {
            throw ApiException.badField("q", "must be at most 200 characters");
        }
        return door.of(sessionId, q, limit);
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    @Operation(summary = "All registrations as CSV (UTF-8 with BOM, so spreadsheets read Chinese names)")
    public ResponseEntity<byte[]> export(@PathVariable String sessionId) {
        Session s = organizerSessions.require(sessionId);
        byte[] csv = CsvExport.write(s, registrations.ofSession(sessionId, null), profiles, registrations,
                clock.instant());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("registrations-" + sessionId + ".csv", StandardCharsets.UTF_8).build().toString())
                .body(csv);
    }
}
