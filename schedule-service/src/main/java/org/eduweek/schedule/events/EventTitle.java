package org.eduweek.schedule.events;

/** A bilingual title as it travels in schedule events. */
public record EventTitle(String en, String zh) {
}
