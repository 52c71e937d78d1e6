package org.eduweek.registration.domain;

public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED
}
