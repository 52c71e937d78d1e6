package org.eduweek.schedule.domain;

/** Who a session is for; an empty list means everyone (docs/CONTRACTS.md). */
public enum Audience {
    STUDENT, NEW_STUDENT, TEACHER, MANAGEMENT_STAFF, EXTERNAL_SCHOLAR
}
