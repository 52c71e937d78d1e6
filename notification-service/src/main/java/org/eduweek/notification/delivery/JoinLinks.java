package org.eduweek.notification.delivery;

import org.eduweek.notification.domain.NotificationKind;
import org.eduweek.notification.domain.RegistrationReplica;

/**
 * Which messages carry the session's join link (text, HTML, SMS and .ics): only those to a participant who holds a
 * seat. A waiting or cancelled participant with the link could join a capacity-limited online session without one.
 */
final class JoinLinks {

    private JoinLinks() {
    }

    /** Kinds that go to confirmed and waiting registrants alike, so the registration decides. */
    static boolean dependOnRegistration(NotificationKind kind) {
        return kind == NotificationKind.SESSION_CHANGED || kind == NotificationKind.ANNOUNCEMENT;
    }

    /** @param registration the stored registration; read for the kinds {@link #dependOnRegistration} names */
    static boolean shown(NotificationKind kind, RegistrationReplica registration) {
        return switch (kind) {
            // sent because a seat was taken (a reminder whose registration is no longer confirmed is dropped)
            case CONFIRMED, PROMOTED, REMINDER -> true;
            case SESSION_CHANGED, ANNOUNCEMENT -> registration != null && registration.confirmed();
            default -> false;
        };
    }
}
