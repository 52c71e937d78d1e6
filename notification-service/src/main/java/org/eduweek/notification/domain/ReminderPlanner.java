package org.eduweek.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.eduweek.notification.store.NotificationStore;
import org.eduweek.notification.store.RegistrationStore;
import org.eduweek.notification.store.SessionStore;
import org.eduweek.notification.store.SettingsStore;

/**
 * Keeps a registration's stored reminder plans in line with its session and the edition's offsets. Called again
 * whenever either changes: plans that no longer fit are dropped, the right ones inserted under dedupe keys that
 * carry the session's sequence, so a moved session gets fresh reminders and a replay changes nothing.
 */
@Component
public class ReminderPlanner {

    private final NotificationStore store;
    private final SettingsStore settings;
    private final RegistrationStore registrations;

    public ReminderPlanner(NotificationStore store, SettingsStore settings, RegistrationStore registrations) {
        this.store = store;
        this.settings = settings;
        this.registrations = registrations;
    }

    /**
     * @param notBefore reminders due before this instant are not planned (registered after they would have gone
     *        out); pass the triggering event's time so that a late-consumed event still plans what was due after it
     */
    public int plan(RegistrationReplica registration, SessionReplica session, Instant notBefore, Instant now) {
        if (!wantsReminders(registration, session, now)) {
            drop(registration, "no reminders: registration or session not active");
            return 0;
        }
        List<Notification> plans = plansFor(registration, session, notBefore, now);
        Set<String> wanted = new HashSet<>();
        int planned = 0;
        for (Notification n : plans) {
            wanted.add(n.dedupeKey());
            if (store.planReminder(n)) {
                planned++;
            }
        }
        registrations.rememberReminders(registration.registrationId(), wanted);
        registration.reminderKeys().stream().filter(k -> !wanted.contains(k))
                .forEach(k -> store.dropIfOpen(k, "superseded by a new plan"));
        return planned;
    }

    /**
     * The reminder plans this registration should have now, not stored: none unless it is confirmed and the session
     * is yet to start; each due at or after {@code notBefore}.
     */
    public List<Notification> plansFor(RegistrationReplica registration, SessionReplica session, Instant notBefore,
            Instant now) {
        if (!wantsReminders(registration, session, now)) {
            return List.of();
        }
        EditionSettings edition = settings.edition(session.editionId());
        List<Notification> plans = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            for (Duration offset : edition.offsets(channel)) {
                Instant due = dueAt(session, offset);
                if (due.isBefore(notBefore)) {
                    continue;
                }
                String key = Notification.key(registration.registrationId(), NotificationKind.REMINDER,
                        offset.toString(), session.sequence(), channel);
                plans.add(Notification.plan(newId(), key, registration.participantId(),
                        registration.registrationId(), session.sessionId(), session.editionId(), channel,
                        NotificationKind.REMINDER, offset.toString(), session.sequence(), due, now));
            }
        }
        return plans;
    }

    private static boolean wantsReminders(RegistrationReplica registration, SessionReplica session, Instant now) {
        return registration.confirmed() && !session.cancelled() && session.start().isAfter(now);
    }

    /** After an edition's offsets changed: every confirmed registration of a session yet to start is planned anew. */
    public int replanEdition(String editionId, SessionStore sessions, Instant now) {
        int planned = 0;
        for (SessionReplica s : sessions.byEdition(editionId)) {
            if (!s.cancelled() && s.start().isAfter(now)) {
                for (RegistrationReplica r : registrations.confirmedForSession(s.sessionId())) {
                    planned += plan(r, s, now, now);
                }
            }
        }
        return planned;
    }

    public void drop(RegistrationReplica registration, String reason) {
        registration.reminderKeys().forEach(k -> store.dropIfOpen(k, reason));
    }

    public void drop(String registrationId, String reason) {
        registrations.find(registrationId).ifPresent(r -> drop(r, reason));
    }

    /** Days count as calendar days in the session's zone (same local clock time across DST); the rest exactly. */
    public static Instant dueAt(SessionReplica session, Duration offset) {
        ZonedDateTime start = session.start().atZone(session.zone());
        long days = offset.toDaysPart();
        Duration rest = offset.minusDays(days);
        return start.minusDays(days).toInstant().minus(rest);
    }

    public static String newId() {
        return "ntf-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
