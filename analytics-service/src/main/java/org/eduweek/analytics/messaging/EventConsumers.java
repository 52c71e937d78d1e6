package org.eduweek.analytics.messaging;

import java.util.function.Consumer;

import org.eduweek.analytics.domain.NotificationOutcome;
import org.eduweek.analytics.domain.SessionInfo;
import org.eduweek.analytics.store.AnalyticsStore;
import org.eduweek.platform.messaging.EventHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The schedule and notification inputs (group {@code analytics-service}); registration events, the hot path,
 * come through {@link RegistrationEventsListener}. Never {@code participant.events.v1}: analytics has no use
 * for names or contact data. Types they do not use, known or not yet, are passed over; a record without a type or
 * that cannot be read goes to {@code analytics-service.dlq} (docs/CONTRACTS.md, "Consuming events").
 */
@Configuration
public class EventConsumers {

    @Bean
    Consumer<Message<String>> scheduleEvents(EventTranslator translator, AnalyticsStore store) {
        return message -> {
            SessionInfo info = translator.schedule(EventHeaders.requireEventType(message), message.getPayload());
            if (info != null) {
                store.apply(info);
            }
        };
    }

    @Bean
    Consumer<Message<String>> notificationEvents(EventTranslator translator, AnalyticsStore store) {
        return message -> {
            NotificationOutcome outcome = translator.notification(EventHeaders.requireEventType(message),
                    message.getPayload());
            if (outcome != null) {
                store.apply(outcome);
            }
        };
    }
}
