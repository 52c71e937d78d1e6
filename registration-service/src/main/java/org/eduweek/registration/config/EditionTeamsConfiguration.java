package org.eduweek.registration.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.eduweek.platform.teams.EditionGuard;
import org.eduweek.platform.teams.EditionTeamReplica;

/**
 * The edition teams this service learns from {@code schedule.edition-teams.v1} (collection {@code edition_teams}),
 * and platform-support's rule over them: rosters, waitlists, exports, check-ins and cancelling someone else's
 * registration need ADMIN or a place on the session's edition team.
 */
@Configuration(proxyBeanMethods = false)
public class EditionTeamsConfiguration {

    @Bean
    EditionTeamReplica editionTeamReplica(MongoTemplate mongo) {
        return new EditionTeamReplica(mongo);
    }

    @Bean
    EditionGuard editionGuard(EditionTeamReplica teams) {
        return new EditionGuard(teams);
    }
}
