package org.eduweek.platform.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.KafkaException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import org.eduweek.platform.web.Unavailable;

/**
 * The one error handling every consumer of every service uses: Spring Kafka's {@link DefaultErrorHandler} on the
 * listener container, retrying a failing record with back-off and then handing it to a dead-letter publisher; an
 * {@link UnreadableEventException} goes to the dead-letter topic at once. A recovered record counts as handled,
 * so the container commits past it like any other: no record can hold a partition.
 * <p>
 * The dead-letter producer is its own, because records arrive as bytes (Stream bindings) or as text (batch
 * listeners) and are forwarded exactly as read.
 */
public class DeadLetters implements DisposableBean {

    private final DefaultKafkaProducerFactory<Object, Object> producers;
    private final KafkaTemplate<Object, Object> template;
    private final EventConsumptionProperties properties;

    public DeadLetters(Map<String, Object> producerConfig, EventConsumptionProperties properties) {
        Map<String, Object> config = new LinkedHashMap<>(producerConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producers = new DefaultKafkaProducerFactory<>(config, asIs(), asIs());
        this.template = new KafkaTemplate<>(producers);
        this.properties = properties;
    }

    /** The topic a consumer group's dead letters go to when its binding does not name one. */
    public String topicFor(String group) {
        return group + ".dlq";
    }

    /** An error handler that dead-letters to {@code destination} after the given back-off (null: the default one). */
    public DefaultErrorHandler errorHandler(BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination,
            BackOff backOff) {
        DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetterRecoverer(template, destination),
                backOff == null ? defaultBackOff() : backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        // a store or broker out of reach is no reason to give a record up: it is retried until they answer again
        // (the partition waits, as every record behind it would fail the same way)
        handler.setBackOffFunction((record, e) -> Unavailable.isInfrastructure(e) ? untilReachable() : null);
        // a failure that is retried is not yet an error; the dead letter, if it comes to that, logs one
        handler.setLogLevel(KafkaException.Level.WARN);
        return handler;
    }

    /** An error handler that dead-letters to the group's topic, keeping the record's partition where it exists. */
    public DefaultErrorHandler errorHandler(String group) {
        String topic = topicFor(group);
        return errorHandler((record, e) -> new TopicPartition(topic, record.partition()), null);
    }

    /** No limit on attempts; waits grow to the configured longest back-off. */
    BackOff untilReachable() {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.backOffInitial().toMillis(), 2);
        backOff.setMaxInterval(properties.backOffMax().toMillis());
        return backOff;
    }

    private BackOff defaultBackOff() {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(
                Math.max(0, properties.maxAttempts() - 1));
        backOff.setInitialInterval(properties.backOffInitial().toMillis());
        backOff.setMultiplier(2);
        backOff.setMaxInterval(properties.backOffMax().toMillis());
        return backOff;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Serializer<Object> asIs() {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(String.class, new StringSerializer());
        return (Serializer) new DelegatingByTypeSerializer(byType);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
