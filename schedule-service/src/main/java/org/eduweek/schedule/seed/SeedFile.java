package org.eduweek.schedule.seed;

import java.time.OffsetDateTime;
import java.util.List;

import org.eduweek.schedule.domain.Activity;
import org.eduweek.schedule.domain.Audience;
import org.eduweek.schedule.domain.Bilingual;
import org.eduweek.schedule.domain.Edition;
import org.eduweek.schedule.domain.Institution;
import org.eduweek.schedule.domain.Mode;
import org.eduweek.schedule.domain.Speaker;
import org.eduweek.schedule.domain.Track;
import org.eduweek.schedule.domain.Venue;

import tools.jackson.databind.JsonNode;

/** The shape of {@code seed/iew-2020.json}; {@code about} explains the figures and what is sample data. */
public record SeedFile(JsonNode about, Edition edition, List<Track> tracks, List<Institution> institutions,
        List<Venue> venues, List<Speaker> speakers, List<Activity> activities, List<SessionSeed> sessions,
        String demoSoonSessionId) {

    public record SessionSeed(String id, String activityId, Bilingual title, Bilingual description,
            OffsetDateTime start, OffsetDateTime end, Mode mode, Integer capacity, Integer capacityInPerson,
            Integer capacityOnline, String venueId, String joinLink, List<Audience> audience, String level,
            String language, List<String> speakerIds, List<String> institutionIds, boolean sampleData) {
    }
}
