package org.eduweek.registration.domain;

/** Who a session is for (docs/CONTRACTS.md); a participant declares one in their profile. */
public enum Audience {
    STUDENT, NEW_STUDENT, TEACHER, MANAGEMENT_STAFF, EXTERNAL_SCHOLAR
}
