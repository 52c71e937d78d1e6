package org.eduweek.analytics.domain;

/**
 * One group of a breakdown: distinct participants with a live registration (confirmed or waitlisted), how many
 * registrations of it are confirmed, how many checked in. Groups smaller than the configured minimum (3) hide all
 * numbers ({@code null}) and show {@code "<3"}, so nobody can be singled out.
 */
public record BreakdownRow(String group, Long participants, Long confirmed, Long checkedIn, String display) {
}
