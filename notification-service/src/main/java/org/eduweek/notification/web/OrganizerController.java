package org.eduweek.notification.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.eduweek.notification.domain.Announcement;
import org.eduweek.notification.domain.Announcements;
import org.eduweek.notification.domain.Channel;
import org.eduweek.notification.domain.EditionSettings;
import org.eduweek.notification.domain.ReminderPlanner;
import org.eduweek.notification.domain.SessionReplica;
import org.eduweek.notification.store.AnnouncementStore;
import org.eduweek.notification.store.RegistrationStore;
import org.eduweek.notification.store.SessionStore;
import org.eduweek.notification.store.SettingsStore;
import org.eduweek.platform.security.CurrentUser;
import org.eduweek.platform.teams.EditionGuard;
import org.eduweek.platform.web.ApiException;

@RestController
@RequestMapping("/api/notifications")
@PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
@Tag(name = "Organizers", description = "Announcements to registrants and reminder offsets per edition")
public class OrganizerController {

    private static final Duration MAX_OFFSET = Duration.ofDays(30);

    private final Announcements announcements;
    private final AnnouncementStore announced;
    private final SettingsStore settings;
    private final ReminderPlanner planner;
    private final SessionStore sessions;
    private final RegistrationStore registrations;
    private final Clock clock;
    private final EditionGuard guard;

    public OrganizerController(Announcements announcements, AnnouncementStore announced, SettingsStore settings,
            ReminderPlanner planner, SessionStore sessions, RegistrationStore registrations, Clock clock,
            EditionGuard guard) {
        this.guard = guard;
        this.announcements = announcements;
        this.announced = announced;
        this.settings = settings;
        this.planner = planner;
        this.sessions = sessions;
        this.registrations = registrations;
        this.clock = clock;
    }

    /** Exactly one of sessionId / activityId. {@code channels} defaults to EMAIL. */
    public record AnnouncementRequest(String sessionId, String activityId,
            @NotBlank @Size(max = 200) String subject, @NotBlank @Size(max = 5000) String message,
            Set<Channel> channels) {
    }

    @PostMapping("/announcements")
    @Operation(summary = "Announce to all registrants of a session or an activity",
            description = "Confirmed and waitlisted registrants each get one message per channel, in their language "
                    + "for the frame, with the organizer's text as written. Recorded with the sender (token `sub`).")
    public ResponseEntity<Announcement> announce(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody AnnouncementRequest body) {
        boolean hasSession = body.sessionId() != null && !body.sessionId().isBlank();
        boolean hasActivity = body.activityId() != null && !body.activityId().isBlank();
        if (hasSession == hasActivity) {
            throw ApiException.badField("sessionId", "give exactly one of sessionId or activityId");
        }
        List<SessionReplica> targets = hasSession ? sessions.find(body.sessionId()).stream().toList()
                : sessions.byActivity(body.activityId());
        if (targets.isEmpty()) {
            throw hasSession ? ApiException.notFound("Session", body.sessionId())
                    : ApiException.notFound("Activity", body.activityId());
        }
        CurrentUser caller = CurrentUser.from(jwt);
        targets.stream().map(SessionReplica::editionId).distinct().forEach(e -> guard.requireMayActOn(caller, e));
        Set<Channel> channels = body.channels() == null || body.channels().isEmpty() ? Set.of(Channel.EMAIL)
                : body.channels();
        Announcement a = announcements.announce(hasSession ? body.sessionId() : null,
                hasActivity ? body.activityId() : null, body.subject().strip(), body.message().strip(), channels,
                jwt.getSubject());
        return ResponseEntity.accepted().location(URI.create("/api/notifications/announcements?sessionId="
                + (a.sessionId() == null ? "" : a.sessionId()))).body(a);
    }

    @GetMapping("/announcements")
    @Operation(summary = "Announcements sent, newest first, optionally for one session or activity")
    public List<Announcement> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String sessionId,
            @RequestParam(required = false) String activityId) {
        CurrentUser caller = CurrentUser.from(jwt);
        if (sessionId != null) {
            sessions.find(sessionId).ifPresent(s -> guard.requireMayActOn(caller, s.editionId()));
        } else if (activityId != null) {
            sessions.byActivity(activityId).stream().map(SessionReplica::editionId).distinct()
                    .forEach(e -> guard.requireMayActOn(caller, e));
        }
        // unfiltered: only the announcements of sessions and activities the caller may act on
        return announced.newest(sessionId, activityId).stream().filter(a -> mayRead(caller, a)).toList();
    }

    private boolean mayRead(CurrentUser caller, Announcement a) {
        List<SessionReplica> about = a.sessionId() != null ? sessions.find(a.sessionId()).stream().toList()
                : a.activityId() != null ? sessions.byActivity(a.activityId()) : List.of();
        return about.isEmpty() ? guard.mayActOn(caller, null)
                : about.stream().map(SessionReplica::editionId).distinct().allMatch(e -> guard.mayActOn(caller, e));
    }

    public record ReminderOffsets(@NotNull List<Duration> email, @NotNull List<Duration> sms) {
    }

    public record ReminderSettingsView(String editionId, List<Duration> email, List<Duration> sms, String updatedBy,
            Instant updatedAt) {
    }

    @GetMapping("/editions/{editionId}/reminders")
    @Operation(summary = "Reminder offsets of an edition (defaults: email PT24H, SMS PT1H before the start)")
    public ReminderSettingsView reminders(@PathVariable String editionId) {
        EditionSettings s = settings.edition(editionId);
        return new ReminderSettingsView(editionId, s.emailReminders(), s.smsReminders(), s.updatedBy(), s.updatedAt());
    }

    @PutMapping("/editions/{editionId}/reminders")
    @Operation(summary = "Set an edition's reminder offsets", description = "ISO-8601 durations before the session "
            + "starts, e.g. {\"email\":[\"P1D\"],\"sms\":[\"PT1H\"]}; a day part counts calendar days in the "
            + "session's zone. Plans of sessions yet to start are recomputed at once.")
    public ReminderSettingsView setReminders(@AuthenticationPrincipal Jwt jwt, @PathVariable String editionId,
            @Valid @RequestBody ReminderOffsets body) {
        guard.requireMayActOn(CurrentUser.from(jwt), editionId);
        check("email", body.email());
        check("sms", body.sms());
        Instant now = clock.instant();
        EditionSettings saved = settings.save(new EditionSettings(editionId, List.copyOf(body.email()),
                List.copyOf(body.sms()), jwt.getSubject(), now));
        planner.replanEdition(editionId, sessions, now);
        return new ReminderSettingsView(editionId, saved.emailReminders(), saved.smsReminders(), saved.updatedBy(),
                saved.updatedAt());
    }

    private static void check(String field, List<Duration> offsets) {
        if (offsets.size() > 5) {
            throw ApiException.badField(field, "at most 5 reminders per channel");
        }
        for (Duration d : offsets) {
            if (d == null || d.isNegative() || d.isZero() || d.compareTo(MAX_OFFSET) > 0) {
                throw ApiException.badField(field, "each offset must be a positive duration up to P30D");
            }
        }
    }
}
