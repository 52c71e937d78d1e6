package org.eduweek.schedule.team;

import org.springframework.stereotype.Component;

import org.eduweek.platform.security.CurrentUser;
import org.eduweek.platform.teams.EditionGuard;
import org.eduweek.schedule.store.Repositories;

/**
 * The check in front of every write to an edition's programme (the edition, its sessions, releases, tracks and
 * activities): the caller must be an ADMIN or on the edition's team. No edition, or one that does not exist (the
 * request's own checks then answer 400 or 404), leaves the write to the usual organizer rule.
 */
@Component
public class EditorAccess {

    private final EditionGuard guard;
    private final Repositories.Editions editions;

    public EditorAccess(EditionGuard guard, Repositories.Editions editions) {
        this.guard = guard;
        this.editions = editions;
    }

    public void requireMayEdit(String editionId) {
        if (editionId == null || editionId.isBlank() || !editions.existsById(editionId)) {
            return;
        }
        guard.requireMayActOn(CurrentUser.current().orElse(null), editionId);
    }

    public boolean mayEdit(CurrentUser user, String editionId) {
        return guard.mayActOn(user, editionId);
    }
}
