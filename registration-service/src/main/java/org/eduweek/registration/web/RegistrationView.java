package org.eduweek.registration.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import org.eduweek.registration.domain.Registration;
import org.eduweek.registration.domain.Session;

/**
 * A registration as clients see it; {@code waitlistPosition} is set only while WAITLISTED (1 = next), {@code joinLink}
 * only while CONFIRMED for an online or hybrid session.
 */
public record RegistrationView(
        String id,
        String sessionId,
        String participantId,
        String status,
        Integer waitlistPosition,
        String seatMode,
        Instant createdAt,
        Instant confirmedAt,
        Instant cancelledAt,
        String cancelReason,
        Instant checkedInAt,
        String attendance,
        String sessionTitle,
        Instant sessionStart,
        Instant sessionEnd,
        String timeZone,
        @Schema(description = "The session's join link, only while the registration is CONFIRMED (ONLINE and HYBRID "
                + "sessions); the public programme does not show it") String joinLink) {

    static RegistrationView of(Registration r, int position, Session session, Instant now) {
        Registration.Attendance attendance = r.attendance(session, now);
        return new RegistrationView(r.id(), r.sessionId(), r.participantId(), r.status().name(),
                r.isWaitlisted() && position > 0 ? position : null, r.seatMode().name(), r.createdAt(),
                r.confirmedAt(), r.cancelledAt(), r.cancelReason() == null ? null : r.cancelReason().name(),
                r.checkedInAt(), attendance == null ? null : attendance.name(),
                session == null ? null : session.displayTitle(), session == null ? null : session.start(),
                session == null ? null : session.end(), session == null ? null : session.timeZone(),
                r.joinLink(session));
    }
}
