package org.eduweek.registration.events;

/** The topics this service publishes to (docs/CONTRACTS.md). */
public final class Topics {

    /** Keyed by sessionId: per-session order of seat events holds. */
    public static final String REGISTRATION = "registration.events.v1";
    /** Keyed by participantId; the only topic carrying names, emails and phones. */
    public static final String PARTICIPANT = "participant.events.v1";

    private Topics() {
    }
}
