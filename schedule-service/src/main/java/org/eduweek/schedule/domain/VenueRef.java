package org.eduweek.schedule.domain;

import java.util.Locale;

/**
 * Where an in-person session happens. {@code venueId} is set when the room is registered (then its capacity and
 * shared-space flag apply); a room given only by names is still checked for overlaps by its {@link #key()}.
 */
public record VenueRef(String venueId, String campus, String building, String room) {

    public String key() {
        return norm(campus) + "|" + norm(building) + "|" + norm(room);
    }

    public String label() {
        return String.join(", ", java.util.stream.Stream.of(room, building, campus)
                .filter(s -> s != null && !s.isBlank()).toList());
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
