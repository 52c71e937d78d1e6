package org.eduweek.notification.domain;

/**
 * PLANNED waits for its {@code dueAt}; SENDING is claimed by one instance until its lease ends; WAITING lacks the
 * contact or the session replica and is released when the event arrives. The rest are final.
 */
public enum NotificationState {
    PLANNED, SENDING, WAITING, SENT, FAILED, SKIPPED, DROPPED, MISSED;

    public boolean isOpen() {
        return this == PLANNED || this == SENDING || this == WAITING;
    }
}
