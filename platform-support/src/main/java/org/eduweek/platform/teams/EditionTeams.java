package org.eduweek.platform.teams;

import java.util.Optional;

/** Where a service looks up an edition's team: schedule-service's own store, or another service's replica. */
@FunctionalInterface
public interface EditionTeams {

    Optional<EditionTeam> find(String editionId);
}
