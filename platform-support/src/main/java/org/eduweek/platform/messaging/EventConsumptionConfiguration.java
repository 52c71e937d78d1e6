package org.eduweek.platform.messaging;

import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.util.backoff.BackOff;

/**
 * How every service consumes (docs/CONTRACTS.md, "Consuming events"): the listener container acknowledges each
 * record once the listener returns or the error handler has dead-lettered it, and {@link DeadLetters} is that
 * error handler for Stream bindings and batch listeners alike. Retries and dead letters are taken out of the
 * Stream binding ({@code retryAndDlqInBinding} false) and given to the container, with the binding's own
 * {@code max-attempts}, back-off and {@code dlq-name}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(EventConsumptionProperties.class)
public class EventConsumptionConfiguration {

    /** Name of the container factory for batch listeners ({@code @KafkaListener(containerFactory = ...)}). */
    public static final String BATCH_FACTORY = "eventBatchListenerFactory";

    @Bean
    DeadLetters deadLetters(KafkaProperties kafka, EventConsumptionProperties properties) {
        return new DeadLetters(kafka.buildProducerProperties(), properties);
    }

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer containerErrorHandling(DeadLetters deadLetters) {
        return new ListenerContainerWithDlqAndRetryCustomizer() {

            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destination,
                    String group, BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqResolver,
                    BackOff backOff) {
                container.setCommonErrorHandler(dlqResolver == null ? deadLetters.errorHandler(group)
                        : deadLetters.errorHandler(dlqResolver, backOff));
            }

            @Override
            public boolean retryAndDlqInBinding(String destination, String group) {
                return false;
            }
        };
    }

    /**
     * For a hot path that takes a poll at a time: text records, offsets committed when the listener returns; a
     * listener that fails on one record throws {@code BatchListenerFailedException} with its index, so the records
     * before it are committed and only that one is retried and, in the end, dead-lettered.
     */
    @Bean(BATCH_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> eventBatchListenerFactory(KafkaProperties kafka,
            EventConsumptionProperties properties, DeadLetters deadLetters) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.batchMaxRecords());
        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new StringDeserializer()));
        factory.setBatchListener(true);
        factory.setContainerCustomizer(container -> container.setCommonErrorHandler(
                deadLetters.errorHandler(container.getGroupId())));
        return factory;
    }
}
