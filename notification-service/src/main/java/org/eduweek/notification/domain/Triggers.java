package org.eduweek.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.eduweek.notification.config.NotificationProperties;
import org.eduweek.notification.store.NotificationStore;
import org.eduweek.notification.store.RegistrationStore;
import org.eduweek.notification.store.SessionStore;

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

    /**
     * The hot path of a registration burst, two writes and a read: the registration with its reminder keys, then
     * its messages and reminder plans together, then the stored session to catch a concurrent change. The session
     * used for planning and the edition's offsets come from the caches; the session at least at the sequence the
     * event was made with.
     */
    public void registrationCreated(RegistrationReplica r, Long sessionSequence, Instant occurredAt) {
        Instant now = clock.instant();
        SessionReplica session = sessions.find(r.sessionId(), sessionSequence == null ? 0 : sessionSequence)
                .orElse(null);
        long seq = sessionSequence != null ? sessionSequence : session == null ? 0 : session.sequence();
        NotificationKind kind = r.confirmed() ? NotificationKind.CONFIRMED : NotificationKind.WAITLISTED;
        List<Notification> messages = messages(r, kind, null, String.valueOf(seq), seq, now);
        List<Notification> reminders = session == null ? List.of()
                : planner.plansFor(r, session, occurredAt, now);
        RegistrationReplica before = registrations.created(r,
                reminders.stream().map(Notification::dedupeKey).toList());
        if (before != null) {
            // known already (a replay, a crash half-way, a later event first): the general path, which re-reads
            messages.forEach(this::insertAndHint);
            planReminders(r.registrationId(), occurredAt);
            return;
        }
        List<Notification> all = new ArrayList<>(messages);
        all.addAll(reminders);
        Set<String> inserted = new HashSet<>();
        for (Notification n : store.insertAll(all)) {
            inserted.add(n.id());
            if (n.kind() != NotificationKind.REMINDER) {
                signal.hint(n);
            }
        }
        // a plan dropped earlier under the same key comes back (see NotificationStore#planReminder)
        reminders.stream().filter(n -> !inserted.contains(n.id())).forEach(store::planReminder);
        // The session's consumer plans or re-plans only the registrations it can see. If the session arrived or
        // moved while we planned from our copy, it may not have seen ours yet: now that ours is stored, look at
        // the stored session (any instance may have written it) and plan again if it is not what we used.
        SessionReplica stored = sessions.stored(r.sessionId()).orElse(null);
        if (stored != null && (session == null || stored.sequence() != session.sequence())) {
            planReminders(r.registrationId(), occurredAt);
        }
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
        store.releaseWaiting("sessionId", s.sessionId()).forEach(signal::hint);
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
        signal.contactArrived(participantId);
        store.releaseWaiting("participantId", participantId).forEach(signal::hint);
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
        messages(r, kind, variant, keySequence, sequence, clock.instant()).forEach(this::insertAndHint);
    }

    private void insertAndHint(Notification n) {
        if (store.insertIfAbsent(n)) {
            signal.hint(n);
        }
    }

    /** One message per channel of this kind, due now. */
    private List<Notification> messages(RegistrationReplica r, NotificationKind kind, String variant,
            String keySequence, long sequence, Instant now) {
        List<Notification> messages = new ArrayList<>();
        for (Channel channel : props.channelsFor(kind)) {
            messages.add(Notification.plan(ReminderPlanner.newId(),
                    Notification.key(r.registrationId(), kind, variant, keySequence, channel), r.participantId(),
                    r.registrationId(), r.sessionId(), r.editionId(), channel, kind, variant, sequence, now, now));
        }
        return messages;
    }
}
