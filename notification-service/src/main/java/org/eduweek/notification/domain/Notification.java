package org.eduweek.notification.domain;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import org.eduweek.platform.outbox.OutboxMessage;

/**
 * One message to one participant on one channel: its plan, its delivery state and its log entry at once. The
 * {@code dedupeKey} (registration, kind, session sequence, channel) is unique, so a redelivered event or a restart
 * can never create a second message; the claim fields make sure only one instance sends it at a time.
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

    public static Notification plan(String id, String dedupeKey, String participantId, String registrationId,
            String sessionId, String editionId, Channel channel, NotificationKind kind, String variant,
            long sessionSequence, Instant dueAt, Instant now) {
        return new Notification(id, dedupeKey, participantId, registrationId, sessionId, editionId, channel, kind,
                variant, sessionSequence, NotificationState.PLANNED, dueAt, now, null, 0, 0, null, null, null, null,
                null, null, null, null, 0, token(id, 0), List.of());
    }

    public Notification withAnnouncement(String subject, String body, String sentBy) {
        return new Notification(id, dedupeKey, participantId, registrationId, sessionId, editionId, channel, kind,
                variant, sessionSequence, state, dueAt, createdAt, sentAt, attempts, claims, owner, leaseUntil,
                lastError, providerMessageId, language, subject, body, sentBy, version, token, outbox);
    }

    /** This message as a successful claim leaves it (see {@code NotificationStore#claim}). */
    public Notification claimedBy(String newOwner, Instant until) {
        return new Notification(id, dedupeKey, participantId, registrationId, sessionId, editionId, channel, kind,
                variant, sessionSequence, NotificationState.SENDING, dueAt, createdAt, sentAt, attempts, claims + 1,
                newOwner, until, lastError, providerMessageId, language, subject, body, sentBy, version + 1,
                token(id, version + 1), outbox);
    }

    /** This message after a transition to {@code newState} that changed nothing else. */
    Notification movedTo(NotificationState newState) {
        return new Notification(id, dedupeKey, participantId, registrationId, sessionId, editionId, channel, kind,
                variant, sessionSequence, newState, dueAt, createdAt, sentAt, attempts, claims, owner, leaseUntil,
                lastError, providerMessageId, language, subject, body, sentBy, version + 1, token(id, version + 1),
                outbox);
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
}
