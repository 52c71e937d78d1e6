package org.eduweek.registration.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import org.eduweek.platform.teams.EditionTeamConsumer;
import org.eduweek.platform.teams.EditionTeamReplica;

import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes {@code schedule.edition-teams.v1} (group registration-service) into the local team replica: each record
 * is a whole team with a growing version, so a redelivered or older one changes nothing.
 */
@Configuration(proxyBeanMethods = false)
public class EditionTeamsConsumer {

    @Bean
    Consumer<Message<String>> editionTeams(JsonMapper json, EditionTeamReplica replica) {
        return EditionTeamConsumer.of(json, replica);
    }
}
