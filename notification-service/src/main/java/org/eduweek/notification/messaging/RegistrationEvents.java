package org.eduweek.notification.messaging;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import org.eduweek.notification.domain.RegistrationReplica;
import org.eduweek.notification.domain.Triggers;
import org.eduweek.platform.messaging.EventHeaders;

/** {@code registration.events.v1}: confirmations, waitlist, promotions and cancellations. */
@Component("registrationEvents")
public class RegistrationEvents implements Consumer<Message<String>> {

    private static final Logger log = LoggerFactory.getLogger(RegistrationEvents.class);

    private final JsonMapper json;
    private final Triggers triggers;
    private final RegistrationLanes lanes;

    public RegistrationEvents(JsonMapper json, Triggers triggers, RegistrationLanes lanes) {
        this.json = json;
        this.triggers = triggers;
        this.lanes = lanes;
    }

    @Override
    public void accept(Message<String> message) {
        String type = EventHeaders.eventType(message);
        if (!"RegistrationCreated".equals(type) && !"WaitlistPromoted".equals(type)
                && !"RegistrationCancelled".equals(type)) {
            log.debug("Ignoring {} on registration.events.v1", type);
            return;
        }
        RegistrationEventV1 e = EventPayloads.read(json, message, RegistrationEventV1.class);
        EventPayloads.require(e.registrationId(), "registrationId");
        EventPayloads.require(e.sessionId(), "sessionId");
        EventPayloads.require(e.participantId(), "participantId");
        EventPayloads.require(e.occurredAt(), "occurredAt");
        // unreadable events fail above, on the consumer thread (binder retries, then dead letter); the database
        // work runs on the registration's lane
        lanes.submit(e.registrationId(), message, () -> apply(type, e));
    }

    private void apply(String type, RegistrationEventV1 e) {
        switch (type) {
            case "RegistrationCreated" -> {
                String status = "WAITLISTED".equals(e.status()) ? "WAITLISTED" : "CONFIRMED";
                triggers.registrationCreated(replica(e, status), e.sessionSequence(), e.occurredAt());
            }
            case "WaitlistPromoted" -> triggers.promoted(replica(e, "CONFIRMED"), e.occurredAt());
            default -> triggers.cancelled(replica(e, "CANCELLED"), e.reason(), e.occurredAt());
        }
    }

    private static RegistrationReplica replica(RegistrationEventV1 e, String status) {
        return new RegistrationReplica(e.registrationId(), e.sessionId(), e.participantId(), e.editionId(), status,
                e.seatMode(), e.waitlistPosition(), e.occurredAt());
    }
}
