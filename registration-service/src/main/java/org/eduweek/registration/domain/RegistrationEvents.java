package org.eduweek.registration.domain;

import java.time.Instant;
import java.util.UUID;

import org.eduweek.platform.outbox.OutboxMessage;
import org.eduweek.registration.events.ParticipantCheckedIn;
import org.eduweek.registration.events.RegistrationCancelled;
import org.eduweek.registration.events.RegistrationCreated;
import org.eduweek.registration.events.WaitlistPromoted;

/** The events a registration's state changes cause, as outbox messages keyed by session id. */
final class RegistrationEvents {

    private final OutboxEvents outbox;

    RegistrationEvents(OutboxEvents outbox) {
        this.outbox = outbox;
    }

    OutboxMessage created(Registration r, Integer position, Instant at) {
        String id = UUID.randomUUID().toString();
        return outbox.registration(id, r.sessionId(), RegistrationCreated.TYPE, new RegistrationCreated(id, at,
                r.id(), r.sessionId(), r.editionId(), r.participantId(), r.status().name(), r.seatMode().name(),
                position, r.audience(), r.country(), r.affiliation(), r.sessionSequence()));
    }

    OutboxMessage cancelled(Registration r, RegistrationStatus previous, CancelReason reason, String reasonText,
            String by, Instant at) {
        String id = UUID.randomUUID().toString();
        return outbox.registration(id, r.sessionId(), RegistrationCancelled.TYPE, new RegistrationCancelled(id, at,
                r.id(), r.sessionId(), r.editionId(), r.participantId(), previous.name(), r.seatMode().name(),
                reason.name(), reasonText, by, r.audience(), r.country(), r.affiliation()));
    }

    OutboxMessage promoted(Registration r, Instant at) {
        String id = UUID.randomUUID().toString();
        return outbox.registration(id, r.sessionId(), WaitlistPromoted.TYPE, new WaitlistPromoted(id, at, r.id(),
                r.sessionId(), r.editionId(), r.participantId(), r.seatMode().name(), r.audience(), r.country(),
                r.affiliation()));
    }

    OutboxMessage checkedIn(Registration r, String by, Instant at) {
        String id = UUID.randomUUID().toString();
        return outbox.registration(id, r.sessionId(), ParticipantCheckedIn.TYPE, new ParticipantCheckedIn(id, at,
                r.id(), r.sessionId(), r.editionId(), r.participantId(), r.seatMode().name(), by, r.audience(),
                r.country(), r.affiliation()));
    }
}
