package org.eduweek.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.eduweek.notification.store.AnnouncementStore;
import org.eduweek.notification.store.NotificationStore;
import org.eduweek.notification.store.RegistrationStore;
import org.eduweek.notification.store.SessionStore;

/**
 * Records an announcement, then fans it out as one message per registrant and channel. The fan-out uses dedupe keys
 * that include the announcement id, so repeating it (after a crash) adds nothing twice.
 */
@Component
public class Announcements {

    private final AnnouncementStore announcements;
    private final NotificationStore store;
    private final RegistrationStore registrations;
    private final SessionStore sessions;
    private final DeliverySignal signal;
    private final Clock clock;

    public Announcements(AnnouncementStore announcements, NotificationStore store, RegistrationStore registrations,
            SessionStore sessions, DeliverySignal signal, Clock clock) {
        this.announcements = announcements;
        this.store = store;
        this.registrations = registrations;
        this.sessions = sessions;
        this.signal = signal;
        this.clock = clock;
    }

    public Announcement announce(String sessionId, String activityId, String subject, String message,
            Set<Channel> channels, String sentBy) {
        Instant now = clock.instant();
        List<RegistrationReplica> targets = recipients(sessionId, activityId);
        String id = "ann-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Announcement a = announcements.insert(new Announcement(id, sessionId, activityId, subject, message, channels,
                sentBy, now, targets.size()));
        for (RegistrationReplica r : targets) {
            long seq = sessions.find(r.sessionId()).map(SessionReplica::sequence).orElse(0L);
            for (Channel channel : channels) {
                Notification n = Notification.plan(ReminderPlanner.newId(),
                        Notification.key(r.registrationId(), NotificationKind.ANNOUNCEMENT, id, seq, channel),
                        r.participantId(), r.registrationId(), r.sessionId(), r.editionId(), channel,
                        NotificationKind.ANNOUNCEMENT, id, seq, now, now).withAnnouncement(subject, message, sentBy);
                if (store.insertIfAbsent(n)) {
                    signal.hint(n);
                }
            }
        }
        return a;
    }

    /** One active registration per participant, even if they hold several in the sessions of the activity. */
    private List<RegistrationReplica> recipients(String sessionId, String activityId) {
        List<String> sessionIds = new ArrayList<>();
        if (sessionId != null) {
            sessionIds.add(sessionId);
        } else {
            sessions.byActivity(activityId).forEach(s -> sessionIds.add(s.sessionId()));
        }
        Set<String> reached = new HashSet<>();
        List<RegistrationReplica> targets = new ArrayList<>();
        for (String sid : sessionIds) {
            for (RegistrationReplica r : registrations.activeForSession(sid)) {
                if (reached.add(r.participantId())) {
                    targets.add(r);
                }
            }
        }
        return targets;
    }
}
