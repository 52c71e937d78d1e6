package org.eduweek.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import org.eduweek.notification.events.NotificationFailed;
import org.eduweek.notification.events.NotificationOutcome;
import org.eduweek.notification.events.NotificationSent;
import org.eduweek.platform.outbox.OutboxMessage;

/**
 * One message to one participant on one channel: its plan, its delivery state and its log entry at once. The
 * {@code dedupeKey} (registration, kind, session sequence, channel) is unique, so a redelivered event or a restart
 * can never create a second message; the claim fields make sure only one instance sends it at a time.
 * <p>
 * The message owns its life-cycle: PLANNED → (claimed) SENDING → SENT | FAILED | SKIPPED | MISSED | DROPPED, or back
 * to PLANNED (retry, quiet hours), or WAITING (parked for its contact or session) → PLANNED when released. Each
 * transition refuses to start from the wrong state and returns the {@link Transition} (the copy it leaves and the
 * event it causes); {@link org.eduweek.notification.store.NotificationStore} writes it as one compare-and-set on
 * {@code token}.
 *
 * @param variant what distinguishes messages of one kind: the reminder offset, the cancel reason, the announcement id
 * @param owner the instance that claimed it, {@code leaseUntil} until when
 * @param claims how often it was claimed (a claim whose sender crashed counts; provider calls are {@code attempts})
 * @param version number of state transitions so far; {@code token} = id#version is the compare-and-set handle every
 *        transition matches on and replaces, so a sender whose claim was taken over can change nothing any more
 */
@Document("notifications")
@CompoundIndex(name = "due", def = "{'state': 1, 'channel': 1, 'dueAt': 1}")
public record Notification(@Id String id, @Indexed(unique = true) String dedupeKey, @Indexed String participantId,
        @Indexed String registrationId, @Indexed String sessionId, String editionId, Channel channel,
        NotificationKind kind, String variant, long sessionSequence, NotificationState state, Instant dueAt,
        Instant createdAt, Instant sentAt, int attempts, int claims, String owner, Instant leaseUntil,
        String lastError, String providerMessageId, String language, String subject, String body, String sentBy,
        long version, @Indexed(unique = true) String token, List<OutboxMessage> outbox) {

    /** A transition: the message before (whose token the write matches), after, and the event it causes, if any. */
    public record Transition(Notification before, Notification after, Optional<NotificationOutcome> event) {
    }

    public static Notification plan(String id, String dedupeKey, String participantId, String registrationId,
            String sessionId, String editionId, Channel channel, NotificationKind kind, String variant,
            long sessionSequence, Instant dueAt, Instant now) {
        Draft d = new Draft();
        d.id = id;
        d.dedupeKey = dedupeKey;
        d.participantId = participantId;
        d.registrationId = registrationId;
        d.sessionId = sessionId;
        d.editionId = editionId;
        d.channel = channel;
        d.kind = kind;
        d.variant = variant;
        d.sessionSequence = sessionSequence;
        d.state = NotificationState.PLANNED;
        d.dueAt = dueAt;
        d.createdAt = now;
        d.token = token(id, 0);
        d.outbox = List.of();
        return d.build();
    }

    public Notification withAnnouncement(String subject, String body, String sentBy) {
        return copy(d -> {
            d.subject = subject;
            d.body = body;
            d.sentBy = sentBy;
        });
    }

    /** Due now: PLANNED with its time come, or SENDING with a lease its sender let run out (crashed). */
    public boolean isDueAt(Instant now) {
        return state == NotificationState.PLANNED && !dueAt.isAfter(now)
                || state == NotificationState.SENDING && leaseUntil != null && leaseUntil.isBefore(now);
    }

    /** Claimed by {@code newOwner} until {@code now + lease}; empty when it is not due. */
    public Optional<Transition> claim(String newOwner, Instant now, Duration lease) {
        if (!isDueAt(now)) {
            return Optional.empty();
        }
        return Optional.of(to(NotificationState.SENDING, d -> {
            d.owner = newOwner;
            d.leaseUntil = now.plus(lease);
            d.claims = claims + 1;
        }));
    }

    /** Accepted by the provider: the attempt counts, the lease ends, {@code NotificationSent} is due. */
    public Transition sent(String newProviderMessageId, String sentLanguage, String sentSubject, Instant now) {
        requireClaimed("sent");
        Notification after = next(NotificationState.SENT, d -> {
            d.sentAt = now;
            d.attempts = attempts + 1;
            d.providerMessageId = newProviderMessageId;
            d.language = sentLanguage;
            d.leaseUntil = null;
            d.lastError = null;
            if (kind != NotificationKind.ANNOUNCEMENT) {
                d.subject = sentSubject;
            }
        });
        return new Transition(this, after, Optional.of(new NotificationSent(UUID.randomUUID().toString(), now, id,
                participantId, registrationId, sessionId, editionId, channel.name(), kind.name(), dedupeKey,
                after.attempts())));
    }

    /** Given up (a permanent provider error, retries exhausted): {@code NotificationFailed} is due. */
    public Transition failed(String error, Instant now) {
        requireClaimed("failed");
        Notification after = next(NotificationState.FAILED, d -> {
            d.attempts = attempts + 1;
            d.lastError = error;
            d.leaseUntil = null;
        });
        return new Transition(this, after, Optional.of(new NotificationFailed(UUID.randomUUID().toString(), now, id,
                participantId, registrationId, sessionId, editionId, channel.name(), kind.name(), dedupeKey,
                after.attempts(), error)));
    }

    /** A transient provider error: the attempt counts, back to PLANNED at {@code at}. */
    public Transition retryLater(String error, Instant at) {
        requireClaimed("retried");
        return to(NotificationState.PLANNED, d -> {
            d.attempts = attempts + 1;
            d.dueAt = at;
            d.lastError = error;
            d.owner = null;
            d.leaseUntil = null;
        });
    }

    /** Not an attempt (quiet hours): back to PLANNED at {@code at}. */
    public Transition deferred(Instant at, String reason) {
        requireClaimed("deferred");
        return to(NotificationState.PLANNED, d -> {
            d.dueAt = at;
            d.lastError = reason;
            d.owner = null;
            d.leaseUntil = null;
        });
    }

    /** Ends without a provider call (SKIPPED, MISSED, DROPPED), or parks (WAITING) until its contact or session. */
    public Transition settled(NotificationState end, String reason) {
        if (end != NotificationState.SKIPPED && end != NotificationState.MISSED && end != NotificationState.DROPPED
                && end != NotificationState.WAITING) {
            throw new IllegalArgumentException("a claimed message cannot be settled as " + end);
        }
        requireClaimed("settled as " + end);
        return to(end, d -> {
            d.lastError = reason;
            d.owner = null;
            d.leaseUntil = null;
        });
    }

    /** What it waited for (contact, session) has arrived: PLANNED again. */
    public Transition released() {
        require(state == NotificationState.WAITING, "released");
        return to(NotificationState.PLANNED, d -> {
        });
    }

    /** Not wanted any more before it was sent (registration or session cancelled, plan superseded). */
    public Transition dropped(String reason) {
        require(state == NotificationState.PLANNED || state == NotificationState.WAITING, "dropped");
        return to(NotificationState.DROPPED, d -> d.lastError = reason);
    }

    /** A plan dropped earlier comes back under the same key (offsets changed back, say). */
    public Transition replanned(Instant at) {
        require(state == NotificationState.DROPPED, "planned again");
        return to(NotificationState.PLANNED, d -> {
            d.dueAt = at;
            d.lastError = null;
        });
    }

    public static String token(String id, long version) {
        return id + "#" + version;
    }

    /** Dedupe key: registration, kind (plus variant), session sequence, channel. */
    public static String key(String registrationId, NotificationKind kind, String variant, Object sequence,
            Channel channel) {
        String k = variant == null ? kind.name() : kind.name() + "-" + variant;
        return registrationId + ":" + k + ":" + sequence + ":" + channel;
    }

    private void requireClaimed(String what) {
        require(state == NotificationState.SENDING, what);
    }

    private void require(boolean legal, String what) {
        if (!legal) {
            throw new IllegalStateException("Message " + dedupeKey + " cannot be " + what + " from " + state);
        }
    }

    private Transition to(NotificationState newState, Consumer<Draft> change) {
        return new Transition(this, next(newState, change), Optional.empty());
    }

    /** The copy a transition to {@code newState} leaves: the changes, the next version and its token. */
    private Notification next(NotificationState newState, Consumer<Draft> change) {
        return copy(d -> {
            d.state = newState;
            change.accept(d);
            d.version = version + 1;
            d.token = token(id, version + 1);
        });
    }

    private Notification copy(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return d.build();
    }

    /** The one place the record's components are listed in order: every copy goes through here by name. */
    private static final class Draft {
        String id;
        String dedupeKey;
        String participantId;
        String registrationId;
        String sessionId;
        String editionId;
        Channel channel;
        NotificationKind kind;
        String variant;
        long sessionSequence;
        NotificationState state;
        Instant dueAt;
        Instant createdAt;
        Instant sentAt;
        int attempts;
        int claims;
        String owner;
        Instant leaseUntil;
        String lastError;
        String providerMessageId;
        String language;
        String subject;
        String body;
        String sentBy;
        long version;
        String token;
        List<OutboxMessage> outbox;

        Draft() {
        }

        Draft(Notification n) {
            id = n.id;
            dedupeKey = n.dedupeKey;
            participantId = n.participantId;
            registrationId = n.registrationId;
            sessionId = n.sessionId;
            editionId = n.editionId;
            channel = n.channel;
            kind = n.kind;
            variant = n.variant;
            sessionSequence = n.sessionSequence;
            state = n.state;
            dueAt = n.dueAt;
            createdAt = n.createdAt;
            sentAt = n.sentAt;
            attempts = n.attempts;
            claims = n.claims;
            owner = n.owner;
            leaseUntil = n.leaseUntil;
            lastError = n.lastError;
            providerMessageId = n.providerMessageId;
            language = n.language;
            subject = n.subject;
            body = n.body;
            sentBy = n.sentBy;
            version = n.version;
            token = n.token;
            outbox = n.outbox;
        }

        Notification build() {
            return new Notification(id, dedupeKey, participantId, registrationId, sessionId, editionId, channel,
                    kind, variant, sessionSequence, state, dueAt, createdAt, sentAt, attempts, claims, owner,
                    leaseUntil, lastError, providerMessageId, language, subject, body, sentBy, version, token,
                    outbox);
        }
    }
}
