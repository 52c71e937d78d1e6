package org.eduweek.platform.teams;

import java.time.Instant;
import java.util.List;

/**
 * The organizers who manage one edition: the value of {@code schedule.edition-teams.v1} (key {@code editionId}).
 * {@code version} only grows, so a consumer keeps the highest one it has seen. An empty team means ADMINs only.
 */
public record EditionTeam(String editionId, long version, List<TeamMember> members, Instant updatedAt) {

    public static final String TOPIC = "schedule.edition-teams.v1";
    public static final String EVENT_TYPE = "EditionTeamChanged";
    public static final int EVENT_VERSION = 1;

    public EditionTeam {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** The team of an edition nobody has named a member of yet. */
    public static EditionTeam none(String editionId) {
        return new EditionTeam(editionId, 0, List.of(), null);
    }

    public boolean has(String subject) {
        return subject != null && members.stream().anyMatch(m -> subject.equals(m.subject()));
    }
}
