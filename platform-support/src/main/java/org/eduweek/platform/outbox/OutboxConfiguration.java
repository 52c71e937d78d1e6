package org.eduweek.platform.outbox;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The relay gets a producer of its own, tuned for "send a batch, wait once": idempotent, {@code acks=all}, and
 * {@code linger.ms=0} (Kafka 4's default of 5 ms caps a sender that waits for each ack near 130 sends/s).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration" })
@EnableConfigurationProperties(OutboxProperties.class)
@ConditionalOnProperty(prefix = "eduweek.outbox", name = "collections[0]")
public class OutboxConfiguration {

    @Bean
    KafkaTemplate<String, String> outboxKafkaTemplate(
            @Value("${spring.kafka.bootstrap-servers:127.0.0.1:9092}") String brokers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> outboxKafkaTemplate,
            OutboxProperties props, MeterRegistry meters) {
        return new OutboxRelay(mongo, outboxKafkaTemplate, props, meters);
    }
}
