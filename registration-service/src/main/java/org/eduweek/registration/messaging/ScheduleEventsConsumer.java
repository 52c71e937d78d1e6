package org.eduweek.registration.messaging;

import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import org.eduweek.platform.messaging.EventHeaders;
import org.eduweek.platform.messaging.UnreadableEventException;
import org.eduweek.registration.domain.SessionLifecycle;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes {@code schedule.events.v1} (group registration-service). Every session event carries the full session,
 * so all three types are one idempotent upsert guarded by {@code sequence}; other types, known or not yet, are
 * passed over. A record without a type or with a body that cannot be read goes to {@code registration-service.dlq};
 * a failing upsert is retried first (docs/CONTRACTS.md, "Consuming events").
 */
@Configuration(proxyBeanMethods = false)
public class ScheduleEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(ScheduleEventsConsumer.class);
    static final Set<String> SESSION_EVENTS = Set.of("SessionScheduled", "SessionChanged", "SessionCancelled");

    @Bean
    Consumer<Message<String>> scheduleEvents(JsonMapper json, SessionLifecycle lifecycle) {
        return message -> {
            String type = EventHeaders.requireEventType(message);
            if (!SESSION_EVENTS.contains(type)) {
                log.debug("Passing over event type {}", type);
                return;
            }
            SessionEvent event = parse(json, message.getPayload());
            if (event.sessionId() == null) {
                throw new UnreadableEventException(type + " without sessionId");
            }
            lifecycle.apply(event.toSession());
        };
    }

    static SessionEvent parse(JsonMapper json, String payload) {
        try {
            return json.readValue(payload, SessionEvent.class);
        } catch (JacksonException e) {
            throw new UnreadableEventException("Unreadable session event: " + e.getOriginalMessage(), e);
        }
    }
}
