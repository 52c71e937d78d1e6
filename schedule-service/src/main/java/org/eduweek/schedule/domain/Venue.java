package org.eduweek.schedule.domain;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A room. {@code capacity} bounds in-person seats; a {@code sharedSpace} (fair hall, exhibition) may host
 * overlapping sessions.
 */
@Document("venues")
public record Venue(@Id String id, String campus, String building, String room, Integer capacity,
        boolean sharedSpace, boolean sampleData) {

    public VenueRef ref() {
        return new VenueRef(id, campus, building, room);
    }
}
