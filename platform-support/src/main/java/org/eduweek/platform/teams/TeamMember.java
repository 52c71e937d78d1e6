package org.eduweek.platform.teams;

import java.time.Instant;

/** An organizer on an edition's team, as {@code schedule.edition-teams.v1} carries them (docs/CONTRACTS.md). */
public record TeamMember(String subject, String name, String email, String addedBy, Instant addedAt) {
}
