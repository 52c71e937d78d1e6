package org.eduweek.notification.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import org.eduweek.notification.domain.RegistrationReplica;
import org.eduweek.notification.domain.Triggers;
import org.eduweek.platform.messaging.EventConsumptionConfiguration;
import org.eduweek.platform.messaging.EventHeaders;
import org.eduweek.platform.messaging.UnreadableEventException;

/**
 * {@code registration.events.v1}: confirmations, waitlist, promotions and cancellations, a poll at a time (the hot
 * path: a rush on one session arrives on one partition). Records are read in order up to the first unreadable one;
 * the readable ones run on the {@link RegistrationLanes}; other event types, known or not yet, are passed over.
 * When a record fails, the listener names it ({@link BatchListenerFailedException}): the container commits the
 * records before it, retries it with back-off and dead-letters it in the end (docs/CONTRACTS.md, "Consuming
 * events"). Records after it that already ran run again, which their messages' dedupe keys make harmless.
 */
@Component
public class RegistrationEvents {

    private static final Logger log = LoggerFactory.getLogger(RegistrationEvents.class);
    static final Set<String> TYPES = Set.of("RegistrationCreated", "WaitlistPromoted", "RegistrationCancelled");

    private final JsonMapper json;
    private final Triggers triggers;
    private final RegistrationLanes lanes;

    public RegistrationEvents(JsonMapper json, Triggers triggers, RegistrationLanes lanes) {
        this.json = json;
        this.triggers = triggers;
        this.lanes = lanes;
    }

    @KafkaListener(id = "notification-registrations", topics = "registration.events.v1",
            groupId = "notification-service", containerFactory = EventConsumptionConfiguration.BATCH_FACTORY)
    public void onPoll(List<ConsumerRecord<String, String>> records) {
        List<RegistrationLanes.Work> work = new ArrayList<>(records.size());
        RegistrationLanes.Failure unreadable = null;
        for (int i = 0; i < records.size() && unreadable == null; i++) {
            try {
                read(records.get(i), i, work);
            } catch (UnreadableEventException e) {
                unreadable = new RegistrationLanes.Failure(i, e);
            }
        }
        RegistrationLanes.Failure failed = lanes.runAll(work);
        RegistrationLanes.Failure first = failed == null || unreadable != null && unreadable.index() < failed.index()
                ? unreadable : failed;
        if (first != null) {
            throw new BatchListenerFailedException("Registration event failed: " + first.cause().getMessage(),
                    first.cause(), first.index());
        }
    }

    private void read(ConsumerRecord<String, String> record, int index, List<RegistrationLanes.Work> work) {
        String type = EventHeaders.requireEventType(record);
        if (!TYPES.contains(type)) {
            log.debug("Passing over {} on registration.events.v1", type);
            return;
        }
        RegistrationEventV1 e = EventPayloads.read(json, record.value(), RegistrationEventV1.class);
        EventPayloads.require(e.registrationId(), "registrationId");
        EventPayloads.require(e.sessionId(), "sessionId");
        EventPayloads.require(e.participantId(), "participantId");
        EventPayloads.require(e.occurredAt(), "occurredAt");
        work.add(new RegistrationLanes.Work(index, e.registrationId(), () -> apply(type, e)));
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
