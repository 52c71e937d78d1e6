package org.eduweek.analytics.config;

import java.time.Clock;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import org.apache.kafka.clients.admin.NewTopic;
import org.eduweek.analytics.domain.Pseudonyms;
import org.eduweek.analytics.events.EditionSummary;
import org.eduweek.analytics.events.SessionStats;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(AnalyticsProperties.class)
public class AnalyticsConfiguration {

    /** The clock decides no-shows (a session has ended); tests put a controllable one in front with @Primary. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Pseudonyms pseudonyms(AnalyticsProperties props) {
        return new Pseudonyms(props.pseudonymSecret());
    }

    /**
     * Our own String producer for the figures topics: the Stream binder's settings leave Boot's default template
     * with byte-array serializers. acks=all, idempotence and linger 0 come from the shared spring.kafka.producer.
     */
    @Bean
    ProducerFactory<String, String> statsProducerFactory(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, String> statsKafkaTemplate(ProducerFactory<String, String> statsProducerFactory) {
        return new KafkaTemplate<>(statsProducerFactory);
    }

    /** Compacted: dashboards read the latest record per key from the beginning of the topic. */
    @Bean
    NewTopic sessionStatsTopic(AnalyticsProperties props) {
        return TopicBuilder.name(SessionStats.TOPIC).partitions(props.topicPartitions())
                .replicas(props.topicReplicas()).compact().build();
    }

    @Bean
    NewTopic editionSummaryTopic(AnalyticsProperties props) {
        return TopicBuilder.name(EditionSummary.TOPIC).partitions(props.topicPartitions())
                .replicas(props.topicReplicas()).compact().build();
    }
}
