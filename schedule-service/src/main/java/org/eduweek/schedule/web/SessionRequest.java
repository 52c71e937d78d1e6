package org.eduweek.schedule.web;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.eduweek.schedule.domain.Audience;
import org.eduweek.schedule.domain.Mode;
import org.eduweek.schedule.domain.SessionInput;
import org.eduweek.schedule.domain.VenueRef;

@Schema(description = "A session to create or replace. Times with an offset; OFFLINE/HYBRID need a venue, "
        + "ONLINE/HYBRID a joinLink; single-mode sessions give `capacity`, HYBRID gives capacityInPerson and "
        + "capacityOnline. `publish: true` makes it public at once (SessionScheduled/SessionChanged); otherwise it "
        + "waits for the next release.")
public record SessionRequest(
        @Schema(description = "Edition id; defaults to the activity's edition, else the edition whose dates cover start")
        String editionId,
        String activityId,
        @Schema(description = "Defaults to the activity's track") String trackId,
        @Schema(description = "{\"en\":…,\"zh\":…} or a plain string (English)", example = "{\"en\":\"Opening\",\"zh\":\"开幕式\"}")
        TextInput title,
        TextInput description,
        @Schema(example = "2020-10-19T09:00:00+08:00") OffsetDateTime start,
        @Schema(example = "2020-10-19T10:30:00+08:00") OffsetDateTime end,
        @Schema(description = "IANA zone; defaults to the edition's", example = "Asia/Shanghai") String timeZone,
        Mode mode,
        @Schema(description = "Seats of a single-mode session (>= 1)") Integer capacity,
        @Schema(description = "HYBRID only") Integer capacityInPerson,
        @Schema(description = "HYBRID only") Integer capacityOnline,
        @Schema(description = "A registered venue (room); alternatively `venue` by names") String venueId,
        VenueInput venue,
        @Schema(description = "http(s) join link, required for ONLINE/HYBRID") String joinLink,
        @Schema(description = "Empty means everyone") List<Audience> audience,
        @Schema(description = "e.g. basic / advanced") String level,
        @Schema(description = "Spoken language code", example = "en") String language,
        List<String> speakerIds,
        List<String> institutionIds,
        @Schema(description = "Publish at once instead of waiting for a release") Boolean publish) {

    public record VenueInput(String venueId, String campus, String building, String room) {
    }

    public boolean publishNow() {
        return Boolean.TRUE.equals(publish);
    }

    public SessionInput toInput() {
        VenueRef ref = venue == null ? null
                : new VenueRef(venue.venueId(), venue.campus(), venue.building(), venue.room());
        return new SessionInput(editionId, activityId, trackId, TextInput.toDomain(title),
                TextInput.toDomain(description), start, end, timeZone, mode, capacity, capacityInPerson,
                capacityOnline, venueId, ref, joinLink, audience, level, language,
                speakerIds == null ? List.of() : speakerIds, institutionIds == null ? List.of() : institutionIds);
    }
}
