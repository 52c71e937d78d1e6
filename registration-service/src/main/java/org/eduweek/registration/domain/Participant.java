package org.eduweek.registration.domain;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import org.eduweek.platform.outbox.OutboxMessage;

/**
 * A participant's profile: contact data first taken from the token's claims, then self-service fields. {@code claims}
 * remembers what the identity provider last said, so a changed claim is applied but an unchanged token never
 * reverts a self-service edit. Every change bumps {@code profileVersion} and appends ParticipantProfileChanged to
 * the outbox in the same write. {@code activeSessionIds} lists (at least) the sessions with a live registration, so
 * the overlap rule needs no scan of all registrations: a session is added before its registration is stored and
 * removed after it is cancelled, so stale entries (a refused request, a crash) may exist and readers check the
 * registration itself.
 */
@Document(Participant.COLLECTION)
public record Participant(
        @Id String id,
        String name,
        String email,
        String phone,
        String language,
        boolean smsConsent,
        String audience,
        String affiliation,
        String country,
        String level,
        String timeZone,
        long profileVersion,
        Claims claims,
        List<String> activeSessionIds,
        Instant updatedAt,
        List<OutboxMessage> outbox) {

    public static final String COLLECTION = "participants";

    /** The same profile carrying these pending events (what the store writes with it). */
    public Participant withOutbox(List<OutboxMessage> pending) {
        return new Participant(id, name, email, phone, language, smsConsent, audience, affiliation, country, level,
                timeZone, profileVersion, claims, activeSessionIds, updatedAt, pending);
    }

    /** The contact claims of the last token seen. */
    public record Claims(String name, String email, String phone, String locale) {
    }
}
