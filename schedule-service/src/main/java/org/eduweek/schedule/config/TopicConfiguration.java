package org.eduweek.schedule.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.eduweek.platform.teams.EditionTeam;
import org.eduweek.schedule.messaging.ScheduleEventMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares schedule.events.v1 (and the compacted schedule.edition-teams.v1) with several partitions (keyed by sessionId, so per-session order holds) instead of
 * relying on broker auto-creation, which would make a single partition.
 */
@Configuration
public class TopicConfiguration {

    @Bean
    NewTopic scheduleEventsTopic(@Value("${eduweek.schedule.topic.partitions:3}") int partitions,
            @Value("${eduweek.schedule.topic.replicas:1}") short replicas) {
        return TopicBuilder.name(ScheduleEventMapper.TOPIC).partitions(partitions).replicas(replicas).build();
    }

    /** Compacted: each edition's latest team (key editionId) is all a consumer that starts from scratch needs. */
    @Bean
    NewTopic editionTeamsTopic(@Value("${eduweek.schedule.topic.partitions:3}") int partitions,
            @Value("${eduweek.schedule.topic.replicas:1}") short replicas) {
        return TopicBuilder.name(EditionTeam.TOPIC).partitions(partitions).replicas(replicas).compact().build();
    }
}
