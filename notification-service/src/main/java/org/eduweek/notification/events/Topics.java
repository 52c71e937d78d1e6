package org.eduweek.notification.events;

public final class Topics {

    public static final String NOTIFICATION_EVENTS = "notification.events.v1";

    private Topics() {
    }
}
