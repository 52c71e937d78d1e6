package org.eduweek.analytics.domain;

/**
 * One group of a breakdown: distinct participants with a live registration (confirmed or waitlisted), how many
 * registrations of it are confirmed, waitlisted, checked in, and no-shows (confirmed, not checked in, the session
 * over). In the dimensions that describe sessions (campus, mode, day, track) also the capacity of the group's
 * sessions that are not cancelled and its fill rate (confirmed / capacity); null in the others. Groups smaller than
 * the configured minimum (3) hide all numbers ({@code null}) and show {@code "<3"}, so nobody can be singled out.
 */
public record BreakdownRow(String group, Long participants, Long confirmed, Long checkedIn, String display,
        Long waitlisted, Long noShows, Long capacity, Double fillRate) {

    /** A group without the figures added later (waitlisted, no-shows, capacity). */
    public BreakdownRow(String group, Long participants, Long confirmed, Long checkedIn, String display) {
        this(group, participants, confirmed, checkedIn, display, null, null, null, null);
    }
}
