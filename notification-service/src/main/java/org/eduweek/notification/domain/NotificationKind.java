package org.eduweek.notification.domain;

/** The kinds fixed in docs/CONTRACTS.md. */
public enum NotificationKind {
    CONFIRMED, WAITLISTED, PROMOTED, CANCELLED, SESSION_CHANGED, SESSION_CANCELLED, REMINDER, ANNOUNCEMENT;

    /** Messages that carry a calendar entry: the ones that add, move or remove the session in a calendar. */
    public boolean carriesCalendar() {
        return this == CONFIRMED || this == PROMOTED || this == SESSION_CHANGED || this == SESSION_CANCELLED
                || this == CANCELLED;
    }
}
