package org.eduweek.schedule.domain;

import java.time.Instant;
import java.util.List;

/**
 * What publishing a session caused, before it is turned into the wire record of {@code events/}. Kept free of
 * serialization so the aggregate stays a plain object.
 *
 * @param kind SCHEDULED, CHANGED or CANCELLED
 * @param previous the snapshot before this publication (CHANGED only)
 */
public record SessionEvent(Kind kind, Session session, List<Change> changes, SessionData previous,
        Instant occurredAt) {

    public enum Kind {
        SCHEDULED("SessionScheduled"), CHANGED("SessionChanged"), CANCELLED("SessionCancelled");

        private final String eventType;

        Kind(String eventType) {
            this.eventType = eventType;
        }

        public String eventType() {
            return eventType;
        }
    }
}
