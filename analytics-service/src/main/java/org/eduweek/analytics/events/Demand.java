package org.eduweek.analytics.events;

/**
 * The demand signal of one session: {@code waitlistShare} = waitlisted / total capacity (0 when the session has no
 * capacity); {@code needsMoreRoom} when the waitlist exceeds {@value #THRESHOLD_PERCENT} % of the capacity (or
 * anyone waits for a session without seats) — it needs a bigger room or another session. Never set for a
 * cancelled session.
 */
public record Demand(boolean needsMoreRoom, double waitlistShare) {

    public static final int THRESHOLD_PERCENT = 20;

    public static Demand of(long waitlisted, long capacity, boolean cancelled) {
        double share = capacity <= 0 ? 0.0 : Math.round(10_000.0 * waitlisted / capacity) / 10_000.0;
        boolean flagged = !cancelled && waitlisted > 0 && 100 * waitlisted > THRESHOLD_PERCENT * capacity;
        return new Demand(flagged, share);
    }
}
