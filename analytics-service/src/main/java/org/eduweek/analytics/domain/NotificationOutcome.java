package org.eduweek.analytics.domain;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The delivery outcome of one notification (no recipient, no error text: both can carry contact data). Keyed by
 * notification id, so a redelivered event overwrites itself; the latest outcome decides, a success wins a tie.
 */
@Document("notifications")
public record NotificationOutcome(@Id String id, String sessionId, String editionId, String channel, String kind,
        boolean sent, Instant at) {

    public boolean supersedes(NotificationOutcome current) {
        if (current == null || at.isAfter(current.at())) {
            return true;
        }
        return at.equals(current.at()) && sent && !current.sent();
    }
}
