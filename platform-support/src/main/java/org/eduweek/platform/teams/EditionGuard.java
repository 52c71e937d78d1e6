package org.eduweek.platform.teams;

import org.eduweek.platform.security.CurrentUser;
import org.eduweek.platform.web.ApiException;

/**
 * Who may act on an edition's organizer functions (its programme, rosters, check-in, announcements): an ADMIN
 * always; an ORGANIZER when the edition's team holds them, or when there is no edition (a session without one stays
 * open to every organizer). An edition whose team is empty or unknown is for ADMINs only until an ADMIN adds members.
 * Anyone else never.
 */
public class EditionGuard {

    private final EditionTeams teams;

    public EditionGuard(EditionTeams teams) {
        this.teams = teams;
    }

    public boolean mayActOn(CurrentUser user, String editionIdOrNull) {
        if (user == null) {
            return false;
        }
        if (user.hasRole(CurrentUser.ADMIN)) {
            return true;
        }
        if (!user.hasRole(CurrentUser.ORGANIZER)) {
            return false;
        }
        if (editionIdOrNull == null || editionIdOrNull.isBlank()) {
            return true;
        }
        return teams.find(editionIdOrNull).map(team -> team.has(user.id())).orElse(false);
    }

    /** @throws NotOnTeamException (403) when {@link #mayActOn} says no */
    public void requireMayActOn(CurrentUser user, String editionIdOrNull) {
        if (user == null || !user.isStaff()) {
            throw ApiException.forbidden("Your roles do not allow this operation");
        }
        if (!mayActOn(user, editionIdOrNull)) {
            throw new NotOnTeamException(editionIdOrNull == null ? "" : editionIdOrNull);
        }
    }
}
