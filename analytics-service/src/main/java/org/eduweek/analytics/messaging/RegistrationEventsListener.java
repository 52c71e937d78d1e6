package org.eduweek.analytics.messaging;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eduweek.analytics.domain.RegistrationFact;
import org.eduweek.analytics.store.AnalyticsStore;
import org.eduweek.platform.messaging.EventConsumptionConfiguration;
import org.eduweek.platform.messaging.EventHeaders;
import org.eduweek.platform.messaging.UnreadableEventException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * The hot path, {@code registration.events.v1}, consumed a poll at a time: the poll's facts are merged in memory
 * and written with one bulk upsert (facts are idempotent, so a redelivered poll changes nothing). Records are read
 * in order up to the first that cannot be read; the facts before it are written, and the listener names that
 * record ({@link BatchListenerFailedException}) so the container commits the ones before it and dead-letters it
 * to {@code analytics-service.dlq}. A failing write is retried with back-off from the poll's first record
 * (docs/CONTRACTS.md, "Consuming events").
 */
@Component
public class RegistrationEventsListener {

    private final EventTranslator translator;
    private final AnalyticsStore store;

    public RegistrationEventsListener(EventTranslator translator, AnalyticsStore store) {
        this.translator = translator;
        this.store = store;
    }

    @KafkaListener(id = "analytics-registrations", topics = "registration.events.v1", groupId = "analytics-service",
            containerFactory = EventConsumptionConfiguration.BATCH_FACTORY, properties = "max.poll.records=1000")
    public void onPoll(List<ConsumerRecord<String, String>> records) {
        List<RegistrationFact> facts = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            try {
                RegistrationFact fact = translator.registration(EventHeaders.requireEventType(record),
                        record.value());
                if (fact != null) {
                    facts.add(fact);
                }
            } catch (UnreadableEventException e) {
                write(facts);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        write(facts);
    }

    private void write(List<RegistrationFact> facts) {
        try {
            store.applyAll(facts);
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("Could not store registration facts: " + e.getMessage(), e, 0);
        }
    }
}
