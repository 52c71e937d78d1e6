package org.eduweek.schedule.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A time slot of an activity. {@code draft} is what organizers edit; {@code published} is what the public sees and
 * what the last event announced. {@link #publish} compares the two and returns the one event the difference calls
 * for, so "exactly the sessions that differ from the last release" is decided here and nowhere else.
 * Pending events are not a field of this record: the store appends them to the document's {@code outbox} array in
 * the same write (platform outbox).
 */
@Document("sessions")
@CompoundIndexes({
        @CompoundIndex(name = "edition_published_start", def = "{'editionId': 1, 'published.start': 1}"),
        @CompoundIndex(name = "venue_time", def = "{'draft.venue.campus': 1, 'draft.start': 1}"),
        @CompoundIndex(name = "speaker_time", def = "{'draft.speakerIds': 1, 'draft.start': 1}")
})
public record Session(
        @Id String id,
        String editionId,
        SessionData draft,
        SessionData published,
        long sequence,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static Session create(String id, String editionId, SessionData draft, Instant now) {
        return new Session(id, editionId, draft, null, 0, 0, now, now);
    }

    /** The public status: what the last publication said. */
    public SessionStatus status() {
        if (published == null) {
            return SessionStatus.DRAFT;
        }
        return published.cancelled() ? SessionStatus.CANCELLED : SessionStatus.PUBLISHED;
    }

    /** The status the draft will have once released. */
    public SessionStatus draftStatus() {
        return draft.cancelled() ? SessionStatus.CANCELLED
                : published == null ? SessionStatus.DRAFT : SessionStatus.PUBLISHED;
    }

    public boolean hasUnpublishedChanges() {
        if (published == null) {
            return !draft.cancelled();
        }
        return !published.equals(draft);
    }

    public Session edit(SessionData next, Instant now) {
        return new Session(id, editionId, next, published, sequence, version, createdAt, now);
    }

    /**
     * Makes the draft public. A never-published session is scheduled; a cancelled draft of a public session is
     * cancelled; a cancelled public session whose draft was restored is scheduled again; otherwise any difference
     * is a change. Each publication raises {@code sequence} by one (iCal SEQUENCE, consumers' ordering).
     */
    public Publication publish(Instant now) {
        if (!hasUnpublishedChanges()) {
            return new Publication(this, Optional.empty());
        }
        Session next = new Session(id, editionId, draft, draft, sequence + 1, version, createdAt, now);
        SessionEvent.Kind kind;
        List<Change> changes = List.of();
        if (draft.cancelled()) {
            if (published == null) {
                return new Publication(this, Optional.empty());
            }
            kind = SessionEvent.Kind.CANCELLED;
        } else if (published == null || published.cancelled()) {
            kind = SessionEvent.Kind.SCHEDULED;
        } else {
            kind = SessionEvent.Kind.CHANGED;
            changes = Change.between(published, draft);
        }
        return new Publication(next, Optional.of(new SessionEvent(kind, next, changes,
                kind == SessionEvent.Kind.CHANGED ? published : null, now)));
    }

    public record Publication(Session session, Optional<SessionEvent> event) {
    }
}
