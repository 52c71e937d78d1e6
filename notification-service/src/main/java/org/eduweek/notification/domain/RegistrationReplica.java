package org.eduweek.notification.domain;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** Who is registered for what, so session changes, reminders and announcements reach the right people. */
@Document("registrations")
public record RegistrationReplica(@Id String registrationId, @Indexed String sessionId, String participantId,
        String editionId, String status, String seatMode, Integer waitlistPosition, Instant updatedAt,
        List<String> reminderKeys) {

    public RegistrationReplica(String registrationId, String sessionId, String participantId, String editionId,
            String status, String seatMode, Integer waitlistPosition, Instant updatedAt) {
        this(registrationId, sessionId, participantId, editionId, status, seatMode, waitlistPosition, updatedAt,
                List.of());
    }

    /** Keys of every reminder ever planned for it, so plans are found by key, never by a collection scan. */
    public List<String> reminderKeys() {
        return reminderKeys == null ? List.of() : reminderKeys;
    }

    public boolean confirmed() {
        return "CONFIRMED".equals(status);
    }

    public boolean active() {
        return "CONFIRMED".equals(status) || "WAITLISTED".equals(status);
    }
}
