package org.eduweek.notification.messaging;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import org.eduweek.notification.domain.Contact;
import org.eduweek.notification.domain.Triggers;
import org.eduweek.notification.store.ContactStore;
import org.eduweek.platform.messaging.EventHeaders;

/** {@code participant.events.v1}: keeps the contact replica; releases messages that waited for the contact. */
@Component("participantEvents")
public class ParticipantEvents implements Consumer<Message<String>> {

    private static final Logger log = LoggerFactory.getLogger(ParticipantEvents.class);

    private final JsonMapper json;
    private final ContactStore contacts;
    private final Triggers triggers;

    public ParticipantEvents(JsonMapper json, ContactStore contacts, Triggers triggers) {
        this.json = json;
        this.contacts = contacts;
        this.triggers = triggers;
    }

    @Override
    public void accept(Message<String> message) {
        String type = EventHeaders.requireEventType(message);
        if (!"ParticipantProfileChanged".equals(type)) {
            log.debug("Passing over {} on participant.events.v1", type);
            return;
        }
        ParticipantProfileChangedV1 e = EventPayloads.read(json, message.getPayload(),
                ParticipantProfileChangedV1.class);
        EventPayloads.require(e.participantId(), "participantId");
        EventPayloads.require(e.occurredAt(), "occurredAt");
        contacts.upsertIfNewer(new Contact(e.participantId(), e.name(), e.email(), e.phone(), e.language(),
                Boolean.TRUE.equals(e.smsConsent()), e.profileVersion() == null ? 0 : e.profileVersion(),
                e.occurredAt()));
        // released even for a stale profile: a newer one is stored, and the waiting message can use it
        triggers.contactArrived(e.participantId());
    }
}
