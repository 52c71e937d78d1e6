package org.eduweek.schedule.domain;

public enum SessionStatus {
    DRAFT, PUBLISHED, CANCELLED
}
