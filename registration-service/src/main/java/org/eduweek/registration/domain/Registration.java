package org.eduweek.registration.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import org.eduweek.platform.outbox.OutboxMessage;
import org.eduweek.registration.domain.RegistrationRuleException.Kind;
import org.eduweek.registration.domain.RegistrationRuleException.Violation;
import org.eduweek.registration.events.ParticipantCheckedIn;
import org.eduweek.registration.events.RegistrationCancelled;
import org.eduweek.registration.events.RegistrationCreated;
import org.eduweek.registration.events.WaitlistPromoted;

/**
 * One participant's registration for one session, and the one place that says which changes are legal: created
 * CONFIRMED or WAITLISTED ({@link #confirmed}, {@link #waitlisted}), WAITLISTED to CONFIRMED ({@link #promote}), not
 * yet CANCELLED to CANCELLED ({@link #cancel}), and a CONFIRMED one checked in once ({@link #checkIn}). Each returns
 * the new state with the event it causes and refuses an illegal change with a {@link RegistrationRuleException}.
 * The canonical constructor is for the mapper; code creates registrations with the factories.
 * <p>
 * The store turns a {@link Transition} into one conditional write of this document whose filter is the state the
 * transition started from (that filter, not this class, is what makes concurrent changes safe) and which appends
 * the event to {@code outbox} (relayed to Kafka by the platform's relay), so state and event never disagree.
 * {@code activeKey} (sessionId|participantId, unique and sparse) exists only while the registration is not
 * cancelled: it makes "one active registration per participant and session" a database rule. {@code waitNumber}
 * orders the waitlist (first come, first served).
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

    /**
     * A change of state: the registration after it, the status the stored document must still have for the change
     * to apply (null for a new registration) and the event announcing it.
     */
    public record Transition<E>(Registration registration, RegistrationStatus from, E event) {
    }

    /** Who registers: the profile facts a registration keeps (they label its events for the figures). */
    public record Registrant(String participantId, String audience, String country, String affiliation) {

        public static Registrant of(Participant profile) {
            return new Registrant(profile.id(), profile.audience(), profile.country(), profile.affiliation());
        }
    }

    /**
     * The rules a new registration must pass that need no other registration: the seat mode is one the session
     * offers (its default when none is asked for), the session is neither cancelled nor started, and the profile's
     * audience and level fit. Overlap with the participant's other confirmed sessions needs their registrations,
     * so {@link RegistrationService} checks it.
     *
     * @return the seat mode to register for
     */
    public static SeatMode admit(Session session, Participant profile, SeatMode requested, Instant now) {
        SeatMode mode = requested == null ? session.defaultSeatMode() : requested;
        if (!session.seatModes().contains(mode)) {
            throw RegistrationRuleException.onField(Kind.SEAT_MODE_NOT_OFFERED, "seatMode",
                    "this session offers only " + session.seatModes());
        }
        if (session.isCancelled()) {
            throw new RegistrationRuleException(Kind.SESSION_CANCELLED, "Session '" + session.id() + "' was cancelled");
        }
        if (session.hasStarted(now)) {
            throw new RegistrationRuleException(Kind.SESSION_STARTED,
                    "Session '" + session.displayTitle() + "' has already started",
                    List.of(new Violation("sessionId", "session has started")));
        }
        if (!session.admits(profile.audience())) {
            throw new RegistrationRuleException(Kind.AUDIENCE_MISMATCH, "Session '" + session.displayTitle()
                    + "' is only for " + session.audience() + "; your profile's audience is "
                    + (profile.audience() == null ? "not set" : profile.audience()),
                    List.of(new Violation("audience", "must be one of " + session.audience())));
        }
        if (session.level() != null && profile.level() != null && !session.level().equalsIgnoreCase(profile.level())) {
            throw new RegistrationRuleException(Kind.LEVEL_MISMATCH,
                    "Session '" + session.displayTitle() + "' is for level " + session.level(),
                    List.of(new Violation("level", "must be " + session.level())));
        }
        return mode;
    }

    /**
     * The rules for a walk-in an organizer admits at the door: the session must not be cancelled; that it has
     * started, and the audience, level and overlap rules, are the organizer's call in person. Answers the seat modes
     * to try, in-person first.
     */
    public static List<SeatMode> admitAtDoor(Session session) {
        if (session.isCancelled()) {
            throw new RegistrationRuleException(Kind.SESSION_CANCELLED, "Session '" + session.id() + "' was cancelled");
        }
        return session.seatModes().stream().sorted(java.util.Comparator.comparing(m -> m != SeatMode.IN_PERSON))
                .toList();
    }

    /** A new registration holding a seat the caller has taken from the session's counter. */
    public static Transition<RegistrationCreated> confirmed(String id, Session session, Registrant who, SeatMode mode,
            Instant now) {
        Builder b = Builder.create(id, session, who, mode, RegistrationStatus.CONFIRMED, now);
        b.confirmedAt = now;
        return created(b.build(), null, now);
    }

    /** A new registration on the waitlist, with the number and position of the ticket the caller was given. */
    public static Transition<RegistrationCreated> waitlisted(String id, Session session, Registrant who,
            SeatMode mode, long waitNumber, int position, Instant now) {
        Builder b = Builder.create(id, session, who, mode, RegistrationStatus.WAITLISTED, now);
        b.waitNumber = waitNumber;
        return created(b.build(), position, now);
    }

    private static Transition<RegistrationCreated> created(Registration r, Integer position, Instant now) {
        return new Transition<>(r, null, new RegistrationCreated(eventId(), now, r.id, r.sessionId, r.editionId,
                r.participantId, r.status.name(), r.seatMode.name(), position, r.audience, r.country, r.affiliation,
                r.sessionSequence));
    }

    /** WAITLISTED to CONFIRMED, into a seat the caller has taken for the waitlist. */
    public Transition<WaitlistPromoted> promote(Instant now) {
        if (!isWaitlisted()) {
            throw new RegistrationRuleException(Kind.NOT_WAITLISTED,
                    "Registration " + id + " is " + status + ", not waitlisted: nothing to promote");
        }
        Builder b = Builder.from(this);
        b.status = RegistrationStatus.CONFIRMED;
        b.confirmedAt = now;
        Registration next = b.build();
        return new Transition<>(next, status, new WaitlistPromoted(eventId(), now, id, sessionId, editionId,
                participantId, seatMode.name(), audience, country, affiliation));
    }

    /**
     * Any live registration to CANCELLED. {@code activeKey} goes, so the participant may register again; the
     * event keeps the previous status, which says whether a seat or a waitlist place was freed.
     */
    public Transition<RegistrationCancelled> cancel(CancelReason reason, String reasonText, String by, Instant now) {
        if (isCancelled()) {
            throw new RegistrationRuleException(Kind.ALREADY_CANCELLED, "Registration " + id + " is already cancelled");
        }
        Builder b = Builder.from(this);
        b.status = RegistrationStatus.CANCELLED;
        b.activeKey = null;
        b.cancelledAt = now;
        b.cancelReason = reason;
        b.cancelReasonText = reasonText;
        b.cancelledBy = by;
        return new Transition<>(b.build(), status, new RegistrationCancelled(eventId(), now, id, sessionId,
                editionId, participantId, status.name(), seatMode.name(), reason.name(), reasonText, by, audience,
                country, affiliation));
    }

    /** A confirmed registration's first scan at the door. */
    public Transition<ParticipantCheckedIn> checkIn(String by, Instant now) {
        if (!isConfirmed()) {
            throw new RegistrationRuleException(Kind.NOT_CONFIRMED,
                    "Registration is " + status + ", not confirmed: no check-in");
        }
        if (isCheckedIn()) {
            throw new RegistrationRuleException(Kind.ALREADY_CHECKED_IN,
                    "Registration " + id + " was already checked in at " + checkedInAt);
        }
        Builder b = Builder.from(this);
        b.checkedInAt = now;
        b.checkedInBy = by;
        return new Transition<>(b.build(), status, new ParticipantCheckedIn(eventId(), now, id, sessionId,
                editionId, participantId, seatMode.name(), by, audience, country, affiliation));
    }

    /** The same registration carrying these pending events (what the store writes with it). */
    public Registration withOutbox(List<OutboxMessage> pending) {
        Builder b = Builder.from(this);
        b.outbox = pending;
        return b.build();
    }

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

    public boolean isCheckedIn() {
        return checkedInAt != null;
    }

    /**
     * The session's join link (ONLINE and HYBRID sessions have one), only while this registration holds a seat: a
     * waiting or cancelled participant who had it could join without one and walk around the seat limit.
     */
    public String joinLink(Session session) {
        return isConfirmed() && session != null ? session.joinLink() : null;
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

    private static String eventId() {
        return UUID.randomUUID().toString();
    }

    /** Named fields instead of a 21-argument call; only this class builds registrations. */
    private static final class Builder {
        private String id;
        private String sessionId;
        private String editionId;
        private String participantId;
        private SeatMode seatMode;
        private RegistrationStatus status;
        private String activeKey;
        private Long waitNumber;
        private Instant createdAt;
        private Instant confirmedAt;
        private Instant cancelledAt;
        private CancelReason cancelReason;
        private String cancelReasonText;
        private String cancelledBy;
        private Instant checkedInAt;
        private String checkedInBy;
        private String audience;
        private String country;
        private String affiliation;
        private long sessionSequence;
        private List<OutboxMessage> outbox;

        static Builder create(String id, Session session, Registrant who, SeatMode mode, RegistrationStatus status,
                Instant now) {
            Builder b = new Builder();
            b.id = id;
            b.sessionId = session.id();
            b.editionId = session.editionId();
            b.participantId = who.participantId();
            b.seatMode = mode;
            b.status = status;
            b.activeKey = activeKey(session.id(), who.participantId());
            b.createdAt = now;
            b.audience = who.audience();
            b.country = who.country();
            b.affiliation = who.affiliation();
            b.sessionSequence = session.sequence();
            return b;
        }

        static Builder from(Registration r) {
            Builder b = new Builder();
            b.id = r.id;
            b.sessionId = r.sessionId;
            b.editionId = r.editionId;
            b.participantId = r.participantId;
            b.seatMode = r.seatMode;
            b.status = r.status;
            b.activeKey = r.activeKey;
            b.waitNumber = r.waitNumber;
            b.createdAt = r.createdAt;
            b.confirmedAt = r.confirmedAt;
            b.cancelledAt = r.cancelledAt;
            b.cancelReason = r.cancelReason;
            b.cancelReasonText = r.cancelReasonText;
            b.cancelledBy = r.cancelledBy;
            b.checkedInAt = r.checkedInAt;
            b.checkedInBy = r.checkedInBy;
            b.audience = r.audience;
            b.country = r.country;
            b.affiliation = r.affiliation;
            b.sessionSequence = r.sessionSequence;
            b.outbox = r.outbox;
            return b;
        }

        Registration build() {
            return new Registration(id, sessionId, editionId, participantId, seatMode, status, activeKey, waitNumber,
                    createdAt, confirmedAt, cancelledAt, cancelReason, cancelReasonText, cancelledBy, checkedInAt,
                    checkedInBy, audience, country, affiliation, sessionSequence, outbox);
        }
    }
}
