package org.eduweek.notification.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.eduweek.notification.config.NotificationProperties;
import org.eduweek.notification.domain.Notification;
import org.eduweek.notification.domain.Preferences;
import org.eduweek.notification.store.ContactStore;
import org.eduweek.notification.store.NotificationStore;
import org.eduweek.notification.store.SettingsStore;
import org.eduweek.platform.security.CurrentUser;
import org.eduweek.platform.web.ApiException;

@RestController
@RequestMapping("/api/notifications")
@Validated
@Tag(name = "My notifications", description = "A participant's own delivery log and channel preferences")
public class NotificationController {

    private final NotificationStore store;
    private final SettingsStore settings;
    private final ContactStore contacts;
    private final NotificationProperties props;
    private final Clock clock;

    public NotificationController(NotificationStore store, SettingsStore settings, ContactStore contacts,
            NotificationProperties props, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.contacts = contacts;
        this.props = props;
        this.clock = clock;
    }

    public record LogEntry(String id, String kind, String channel, String state, String sessionId,
            String registrationId, String dedupeKey, String subject, String language, Instant createdAt,
            Instant dueAt, Instant sentAt, int attempts, String detail) {

        static LogEntry of(Notification n) {
            return new LogEntry(n.id(), n.kind().name(), n.channel().name(), n.state().name(), n.sessionId(),
                    n.registrationId(), n.dedupeKey(), n.subject(), n.language(), n.createdAt(), n.dueAt(),
                    n.sentAt(), n.attempts(), n.lastError());
        }
    }

    public record DeliveryLog(String participantId, int page, int size, List<LogEntry> items) {
    }

    @GetMapping({ "", "/me" })
    @Operation(summary = "Delivery log", description = "Every message planned, sent, skipped or failed for the caller, "
            + "newest first. Organizers and admins may pass participantId to read someone else's.")
    public DeliveryLog log(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String participantId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        CurrentUser me = CurrentUser.from(jwt);
        String who = participantId == null ? me.id() : participantId;
        if (!who.equals(me.id()) && !me.isStaff()) {
            throw ApiException.forbidden("You may read only your own delivery log");
        }
        return new DeliveryLog(who, page, size, store.forParticipant(who, page, size).stream().map(LogEntry::of)
                .toList());
    }

    /**
     * @param language "en", "zh", or null to follow the language of the profile
     */
    public record PreferencesRequest(@NotNull Boolean email, @NotNull Boolean sms,
            @Pattern(regexp = "en|zh", message = "must be en or zh") String language) {
    }

    public record PreferencesView(String participantId, boolean email, boolean sms, String language,
            boolean smsConsent, boolean smsEffective, String smsQuietHours, Instant updatedAt) {
    }

    @GetMapping("/me/preferences")
    @Operation(summary = "My channel preferences", description = "SMS goes out only when both `sms` is on and the "
            + "profile carries SMS consent (`smsEffective`). Quiet hours are local to the session's time zone.")
    public PreferencesView preferences(@AuthenticationPrincipal Jwt jwt) {
        return view(settings.preferences(jwt.getSubject()));
    }

    @PutMapping("/me/preferences")
    @Operation(summary = "Change my channel preferences", description = "Switch email or SMS on or off, and "
            + "override the language of messages (null = the profile's language).")
    public PreferencesView update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PreferencesRequest body) {
        Preferences saved = settings.save(new Preferences(jwt.getSubject(), body.email(), body.sms(),
                body.language(), clock.instant()));
        return view(saved);
    }

    private PreferencesView view(Preferences p) {
        boolean consent = contacts.find(p.participantId()).map(c -> c.smsConsent()).orElse(false);
        return new PreferencesView(p.participantId(), p.email(), p.sms(), p.language(), consent, p.sms() && consent,
                props.sms().quietStart() + "-" + props.sms().quietEnd(), p.updatedAt());
    }
}
