package org.eduweek.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Spring Kafka's dead-letter publisher with the headers docs/CONTRACTS.md promises ({@code x-original-topic},
 * {@code -partition}, {@code -offset}, {@code x-exception-fqcn}, {@code x-exception-message}, besides Spring's own
 * {@code kafka_dlt-*}), and one ERROR line per dead-lettered record: a record that needs a person's attention.
 * The publish waits for the broker; if it fails, the record is not recovered and the error handler tries again.
 */
class DeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    private final BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination;

    DeadLetterRecoverer(KafkaOperations<?, ?> template,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
        super(template, destination);
        this.destination = destination;
        addHeadersFunction(DeadLetterRecoverer::contractHeaders);
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        super.accept(record, consumer, exception);
        log.error("Dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                destination.apply(record, exception).topic(), reason(exception));
    }

    static String reason(Exception exception) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof UnreadableEventException) {
                cause = t;
                break;
            }
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static Headers contractHeaders(ConsumerRecord<?, ?> record, Exception exception) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
        Headers headers = new RecordHeaders();
        headers.add("x-original-topic", bytes(record.topic()));
        headers.add("x-original-partition", bytes(String.valueOf(record.partition())));
        headers.add("x-original-offset", bytes(String.valueOf(record.offset())));
        headers.add("x-exception-fqcn", bytes(cause.getClass().getName()));
        headers.add("x-exception-message", bytes(reason(exception)));
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
