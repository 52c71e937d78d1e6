package org.eduweek.registration.domain;

public enum CancelReason {
    PARTICIPANT, ORGANIZER, SESSION_CANCELLED
}
