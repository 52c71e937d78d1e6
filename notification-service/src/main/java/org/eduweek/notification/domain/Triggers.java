package org.eduweek.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.eduweek.notification.config.NotificationProperties;

/**
 * Turns what happened (registration and session facts) into stored messages. Each message is inserted under its
 * dedupe key, so replaying any event is harmless; sending happens later, in the dispatcher.
 */
@Component
public class Triggers {

    /** Changes a registrant must hear about; capacity or audience changes are not theirs to act on. */
    private static final Set<String> RELEVANT_CHANGES = Set.of("TIME", "VENUE", "MODE", "JOIN_LINK", "LINK");

    private final NotificationStore store;
    private final ReminderPlanner planner;
    private final RegistrationStore registrations;
    private final SessionStore sessions;
    private final NotificationProperties props;
    private final DeliverySignal signal;
    private final Clock clock;

    public Triggers(NotificationStore store, ReminderPlanner planner, RegistrationStore registrations,
            SessionStore sessions, NotificationProperties props, DeliverySignal signal, Clock clock) {
        this.store = store;
        this.planner = planner;
        this.registrations = registrations;
        this.sessions = sessions;
        this.props = props;
        this.signal = signal;
        this.clock = clock;
    }

    public void registrationCreated(RegistrationReplica r, Long sessionSequence, Instant occurredAt) {
        registrations.created(r);
        NotificationKind kind = r.confirmed() ? NotificationKind.CONFIRMED : NotificationKind.WAITLISTED;
        long seq = sessionSequence != null ? sessionSequence : currentSequence(r.sessionId());
        enqueue(r, kind, null, String.valueOf(seq), seq);
        planReminders(r.registrationId(), occurredAt);
    }

    public void promoted(RegistrationReplica r, Instant occurredAt) {
        registrations.changeStatus(r.registrationId(), r.sessionId(), r.participantId(), r.editionId(), "CONFIRMED",
                occurredAt);
        long seq = currentSequence(r.sessionId());
        enqueue(r, NotificationKind.PROMOTED, null, String.valueOf(seq), seq);
        planReminders(r.registrationId(), occurredAt);
    }

    public void cancelled(RegistrationReplica r, String reason, Instant occurredAt) {
        registrations.changeStatus(r.registrationId(), r.sessionId(), r.participantId(), r.editionId(), "CANCELLED",
                occurredAt);
        planner.drop(r.registrationId(), "registration cancelled");
        long seq = currentSequence(r.sessionId());
        if ("SESSION_CANCELLED".equals(reason)) {
            // the session's own cancellation event sends the same message under the same key: one of them wins
            enqueue(r, NotificationKind.SESSION_CANCELLED, null, "final", seq);
        } else {
            enqueue(r, NotificationKind.CANCELLED, reason == null ? "PARTICIPANT" : reason, String.valueOf(seq), seq);
        }
    }

    public void sessionUpdated(SessionReplica s, SessionReplica before, List<String> changes, Instant occurredAt) {
        store.releaseWaiting("sessionId", s.sessionId()).forEach(n -> signal.hint(n.channel(), n.id()));
        if (s.cancelled()) {
            registrations.forSession(s.sessionId()).forEach(r -> planner.drop(r, "session cancelled"));
            if (before == null || !before.cancelled()) {
                registrations.activeForSession(s.sessionId())
                        .forEach(r -> enqueue(r, NotificationKind.SESSION_CANCELLED, null, "final", s.sequence()));
            }
        } else {
            if (before != null && relevantChange(before, s, changes)) {
                registrations.activeForSession(s.sessionId()).forEach(r -> enqueue(r,
                        NotificationKind.SESSION_CHANGED, null, String.valueOf(s.sequence()), s.sequence()));
            }
            if (before == null || !Objects.equals(before.start(), s.start())) {
                Instant now = clock.instant();
                registrations.confirmedForSession(s.sessionId()).forEach(r -> planner.plan(r, s, occurredAt, now));
            }
        }
    }

    public void contactArrived(String participantId) {
        store.releaseWaiting("participantId", participantId).forEach(n -> signal.hint(n.channel(), n.id()));
    }

    private static boolean relevantChange(SessionReplica before, SessionReplica now, List<String> changes) {
        if (changes != null && !changes.isEmpty()) {
            return changes.stream().anyMatch(RELEVANT_CHANGES::contains);
        }
        return !Objects.equals(before.start(), now.start()) || !Objects.equals(before.end(), now.end())
                || !Objects.equals(before.venue(), now.venue()) || !Objects.equals(before.mode(), now.mode())
                || !Objects.equals(before.joinLink(), now.joinLink());
    }

    private void planReminders(String registrationId, Instant occurredAt) {
        registrations.find(registrationId).ifPresent(r -> sessions.find(r.sessionId())
                .ifPresent(s -> planner.plan(r, s, occurredAt, clock.instant())));
    }

    private long currentSequence(String sessionId) {
        return sessions.find(sessionId).map(SessionReplica::sequence).orElse(0L);
    }

    private void enqueue(RegistrationReplica r, NotificationKind kind, String variant, String keySequence,
            long sequence) {
        Instant now = clock.instant();
        for (Channel channel : props.channelsFor(kind)) {
            String id = ReminderPlanner.newId();
            if (store.insertIfAbsent(Notification.plan(id,
                    Notification.key(r.registrationId(), kind, variant, keySequence, channel), r.participantId(),
                    r.registrationId(), r.sessionId(), r.editionId(), channel, kind, variant, sequence, now, now))) {
                signal.hint(channel, id);
            }
        }
    }
}
