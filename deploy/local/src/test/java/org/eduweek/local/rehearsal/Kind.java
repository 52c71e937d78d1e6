package org.eduweek.local.rehearsal;

/** The kinds of message the notification service sends (docs/CONTRACTS.md). */
public enum Kind {
    CONFIRMED, WAITLISTED, PROMOTED, CANCELLED, SESSION_CHANGED, SESSION_CANCELLED, REMINDER, ANNOUNCEMENT
}
