package org.eduweek.platform.teams;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

import org.eduweek.platform.messaging.EventHeaders;
import org.eduweek.platform.messaging.UnreadableEventException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The handler a service binds to {@code schedule.edition-teams.v1}: each record carries the whole team, so applying
 * it is one conditional replace by version (redelivery and reordering are harmless). Other event types are passed
 * over; a record that cannot be read is an {@link UnreadableEventException}, which the dead-letter setup sends to
 * the service's DLQ without retrying.
 */
public final class EditionTeamConsumer {

    private static final Logger log = LoggerFactory.getLogger(EditionTeamConsumer.class);

    private EditionTeamConsumer() {
    }

    public static Consumer<Message<String>> of(JsonMapper json, EditionTeamReplica replica) {
        return message -> {
            String type = EventHeaders.requireEventType(message);
            if (!EditionTeam.EVENT_TYPE.equals(type)) {
                log.debug("Passing over event type {}", type);
                return;
            }
            EditionTeam team = parse(json, message.getPayload());
            if (replica.apply(team)) {
                log.info("Team of edition {} now version {} ({} members)", team.editionId(), team.version(),
                        team.members().size());
            }
        };
    }

    static EditionTeam parse(JsonMapper json, String payload) {
        EditionTeam team;
        try {
            team = json.readValue(payload, EditionTeam.class);
        } catch (JacksonException e) {
            throw new UnreadableEventException("Unreadable edition team: " + e.getOriginalMessage(), e);
        }
        if (team == null || team.editionId() == null || team.editionId().isBlank()) {
            throw new UnreadableEventException("EditionTeamChanged without editionId");
        }
        return team;
    }
}
