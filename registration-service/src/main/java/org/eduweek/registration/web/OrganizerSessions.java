package org.eduweek.registration.web;

import org.springframework.stereotype.Component;

import org.eduweek.platform.security.CurrentUser;
import org.eduweek.platform.teams.EditionGuard;
import org.eduweek.platform.web.ApiException;
import org.eduweek.registration.domain.Session;
import org.eduweek.registration.store.SessionReplica;

/**
 * A session as its organizers reach it (roster, waitlist, check-in, export, walk-ins): an unknown session is 404;
 * then ADMIN, a member of the session's edition team, or any organizer when the session has no edition — anyone
 * else 403 not-on-team, before anything is read or written.
 */
@Component
class OrganizerSessions {

    private final SessionReplica sessions;
    private final EditionGuard guard;

    OrganizerSessions(SessionReplica sessions, EditionGuard guard) {
        this.sessions = sessions;
        this.guard = guard;
    }

    Session require(String sessionId) {
        Session s = sessions.find(sessionId).orElseThrow(() -> ApiException.notFound("Session", sessionId));
        guard.requireMayActOn(CurrentUser.current().orElse(null), s.editionId());
        return s;
    }
}
