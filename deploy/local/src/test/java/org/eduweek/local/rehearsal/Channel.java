package org.eduweek.local.rehearsal;

/** The notification service's channels (docs/CONTRACTS.md). */
public enum Channel {
    EMAIL, SMS
}
