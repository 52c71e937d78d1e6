package org.eduweek.registration.domain;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import org.eduweek.platform.outbox.OutboxMessage;

/**
 * One participant's registration for one session. Every change of state is one conditional write of this document
 * that also appends the announcing event to its {@code outbox} (relayed to Kafka by the platform's relay), so state
 * and event never disagree. {@code activeKey} (sessionId|participantId, unique and sparse) exists only while the
 * registration is not cancelled: it makes "one active registration per participant and session" a database rule.
 * {@code waitNumber} orders the waitlist (first come, first served).
 */
@Document(Registration.COLLECTION)
public record Registration(
        @Id String id,
        String sessionId,
        String editionId,
        String participantId,
        SeatMode seatMode,
        RegistrationStatus status,
        String activeKey,
        Long waitNumber,
        Instant createdAt,
        Instant confirmedAt,
        Instant cancelledAt,
        CancelReason cancelReason,
        String cancelReasonText,
        String cancelledBy,
        Instant checkedInAt,
        String checkedInBy,
        String audience,
        String country,
        String affiliation,
        long sessionSequence,
        List<OutboxMessage> outbox) {

    public static final String COLLECTION = "registrations";

    public static String activeKey(String sessionId, String participantId) {
        return sessionId + "|" + participantId;
    }

    public boolean ownedBy(String participantId) {
        return this.participantId.equals(participantId);
    }

    public boolean isConfirmed() {
        return status == RegistrationStatus.CONFIRMED;
    }

    public boolean isWaitlisted() {
        return status == RegistrationStatus.WAITLISTED;
    }

    public boolean isCancelled() {
        return status == RegistrationStatus.CANCELLED;
    }

    /** Attendance once the session is over: a confirmed registration never scanned is a no-show. */
    public Attendance attendance(Session session, Instant now) {
        if (!isConfirmed()) {
            return null;
        }
        if (checkedInAt != null) {
            return Attendance.CHECKED_IN;
        }
        return session != null && session.hasEnded(now) ? Attendance.NO_SHOW : Attendance.EXPECTED;
    }

    public enum Attendance {
        EXPECTED, CHECKED_IN, NO_SHOW
    }
}
