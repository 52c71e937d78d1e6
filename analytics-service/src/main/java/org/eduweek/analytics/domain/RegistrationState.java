package org.eduweek.analytics.domain;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What analytics knows about one registration: the latest time each kind of event happened to it, plus the
 * non-identifying attributes. Merging a fact is idempotent and order-independent (each slot keeps its latest event,
 * check-in its earliest), so a redelivery changes nothing and a promotion that overtakes its creation still ends
 * right. The status is derived from the slots, never counted from arrivals.
 */
@Document("registrations")
public record RegistrationState(@Id String id, String sessionId, String editionId, String pseudonym,
        String audience, String country, String affiliation, String seatMode, Instant attributesAt,
        Instant createdAt, String createdStatus, Instant promotedAt, Instant cancelledAt, Instant checkedInAt) {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String WAITLISTED = "WAITLISTED";
    public static final String CANCELLED = "CANCELLED";

    public static RegistrationState empty(String id) {
        return new RegistrationState(id, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    public RegistrationState merge(RegistrationFact f) {
        boolean newerAttributes = attributesAt == null || f.at().isAfter(attributesAt);
        RegistrationState s = new RegistrationState(id, pick(sessionId, f.sessionId(), newerAttributes),
                pick(editionId, f.editionId(), newerAttributes), pick(pseudonym, f.pseudonym(), newerAttributes),
                pick(audience, f.audience(), newerAttributes), pick(country, f.country(), newerAttributes),
                pick(affiliation, f.affiliation(), newerAttributes), pick(seatMode, f.seatMode(), newerAttributes),
                newerAttributes ? f.at() : attributesAt, createdAt, createdStatus, promotedAt, cancelledAt,
                checkedInAt);
        return switch (f.kind()) {
            case CREATED -> createdAt != null && !f.at().isAfter(createdAt) ? s
                    : s.withCreated(f.at(), f.status());
            case PROMOTED -> s.withSlots(createdAt, createdStatus, latest(promotedAt, f.at()), cancelledAt,
                    checkedInAt);
            case CANCELLED -> s.withSlots(createdAt, createdStatus, promotedAt, latest(cancelledAt, f.at()),
                    checkedInAt);
            case CHECKED_IN -> s.withSlots(createdAt, createdStatus, promotedAt, cancelledAt,
                    checkedInAt == null || f.at().isBefore(checkedInAt) ? f.at() : checkedInAt);
        };
    }

    /**
     * The event that happened last decides; on equal times a cancellation beats a promotion beats a creation
     * (the registration service emits them in that causal order within one instant). A check-in alone implies
     * a confirmed seat.
     */
    public String status() {
        Instant best = null;
        String status = null;
        if (createdAt != null) {
            best = createdAt;
            status = createdStatus;
        }
        if (promotedAt != null && (best == null || !promotedAt.isBefore(best))) {
            best = promotedAt;
            status = CONFIRMED;
        }
        if (cancelledAt != null && (best == null || !cancelledAt.isBefore(best))) {
            status = CANCELLED;
        }
        if (status == null && checkedInAt != null) {
            status = CONFIRMED;
        }
        return status;
    }

    public boolean checkedIn() {
        return checkedInAt != null && CONFIRMED.equals(status());
    }

    private RegistrationState withCreated(Instant at, String status) {
        return withSlots(at, status, promotedAt, cancelledAt, checkedInAt);
    }

    private RegistrationState withSlots(Instant created, String createdStatus, Instant promoted, Instant cancelled,
            Instant checkedIn) {
        return new RegistrationState(id, sessionId, editionId, pseudonym, audience, country, affiliation, seatMode,
                attributesAt, created, createdStatus, promoted, cancelled, checkedIn);
    }

    private static String pick(String current, String incoming, boolean incomingIsNewer) {
        if (incoming == null) {
            return current;
        }
        return current == null || incomingIsNewer ? incoming : current;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
