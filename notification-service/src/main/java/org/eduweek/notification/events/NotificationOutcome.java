package org.eduweek.notification.events;

/** What became of a message: published on {@code notification.events.v1}, keyed by participant. */
public sealed interface NotificationOutcome permits NotificationSent, NotificationFailed {

    String eventId();

    String participantId();

    /** The {@code eventType} header. */
    String type();
}
