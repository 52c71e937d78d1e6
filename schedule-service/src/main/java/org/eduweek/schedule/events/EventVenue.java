package org.eduweek.schedule.events;

public record EventVenue(String venueId, String campus, String building, String room) {
}
