package org.eduweek.registration.messaging;

import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import org.eduweek.platform.messaging.EventHeaders;
import org.eduweek.registration.domain.SessionLifecycle;

import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes {@code schedule.events.v1} (group registration-service). Every session event carries the full session,
 * so all three types are one idempotent upsert guarded by {@code sequence}; unknown types are skipped. A payload
 * that cannot be read fails, is retried, and lands in {@code registration-service.dlq}.
 */
@Configuration(proxyBeanMethods = false)
public class ScheduleEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(ScheduleEventsConsumer.class);
    static final Set<String> SESSION_EVENTS = Set.of("SessionScheduled", "SessionChanged", "SessionCancelled");

    @Bean
    Consumer<Message<String>> scheduleEvents(JsonMapper json, SessionLifecycle lifecycle) {
        return message -> {
            String type = EventHeaders.eventType(message);
            if (!SESSION_EVENTS.contains(type)) {
                log.debug("Ignoring event type {}", type);
                return;
            }
            SessionEvent event = parse(json, message.getPayload());
            if (event.sessionId() == null) {
                throw new IllegalArgumentException(type + " without sessionId");
            }
            lifecycle.apply(event.toSession());
        };
    }

    static SessionEvent parse(JsonMapper json, String payload) {
        return json.readValue(payload, SessionEvent.class);
    }
}
