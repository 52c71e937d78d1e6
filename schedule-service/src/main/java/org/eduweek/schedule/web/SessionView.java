package org.eduweek.schedule.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

import org.eduweek.platform.web.FieldProblem;
import org.eduweek.schedule.domain.Bilingual;
import org.eduweek.schedule.domain.Capacity;
import org.eduweek.schedule.domain.Session;
import org.eduweek.schedule.domain.SessionData;
import org.eduweek.schedule.domain.VenueRef;

@Schema(description = "One session in the language asked for (Accept-Language or lang=), with both texts in "
        + "`titles`. start/end are shown in the edition's zone (`displayTimeZone`); `timeZone` is the session's own. "
        + "`joinLink` is shown to organizers and admins only; participants get it with a confirmed registration.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(
        String id,
        String editionId,
        String activityId,
        String trackId,
        String status,
        @Schema(description = "Rises with every published change (iCal SEQUENCE)") long sequence,
        String lang,
        String title,
        Bilingual titles,
        String description,
        Bilingual descriptions,
        OffsetDateTime start,
        OffsetDateTime end,
        String timeZone,
        String displayTimeZone,
        LocalDate day,
        String mode,
        VenueRef venue,
        @Schema(description = "Organizers and admins only: everyone else finds the link on their confirmed "
                + "registration, so the seat limit of an online session holds")
        String joinLink,
        @Schema(description = "Whether the session has a join link (shown to everyone)") boolean hasJoinLink,
        Capacity capacity,
        List<String> audience,
        String level,
        String language,
        List<String> speakerIds,
        List<String> institutionIds,
        String cancelReason,
        @Schema(description = "Organizer view only: the draft differs from what is public")
        Boolean unpublishedChanges,
        @Schema(description = "Organizer view only: what the draft will become at the next release") String draftStatus,
        @Schema(description = "Non-blocking remarks on a write, e.g. a speaker booked twice at once")
        List<FieldProblem> warnings) {

    /**
     * The public face: the last published snapshot. The join link only for staff, because anyone holding it could
     * join a capacity-limited online session without a seat.
     */
    public static SessionView published(Session s, ZoneId zone, String lang, boolean withJoinLink) {
        SessionView v = of(s, s.published(), s.status().name(), zone, lang, null, null, null);
        return withJoinLink ? v : v.withoutJoinLink();
    }

    /** The organizer's face: the draft, with what the next release would do. */
    public static SessionView draft(Session s, ZoneId zone, String lang, List<FieldProblem> warnings) {
        return of(s, s.draft(), s.status().name(), zone, lang, s.hasUnpublishedChanges(), s.draftStatus().name(),
                warnings);
    }

    private static SessionView of(Session s, SessionData d, String status, ZoneId zone, String lang,
            Boolean unpublished, String draftStatus, List<FieldProblem> warnings) {
        return new SessionView(s.id(), s.editionId(), d.activityId(), d.trackId(), status, s.sequence(), lang,
                d.title().in(lang), d.title(), d.description().in(lang), d.description(),
                d.start().atZone(zone).toOffsetDateTime(), d.end().atZone(zone).toOffsetDateTime(), d.timeZone(),
                zone.getId(), d.start().atZone(zone).toLocalDate(), d.mode().name(), d.venue(), d.joinLink(),
                d.joinLink() != null, d.capacity(), d.audience().stream().map(Enum::name).toList(), d.level(),
                d.language(), d.speakerIds(), d.institutionIds(), d.cancelled() ? d.cancelReason() : null, unpublished,
                draftStatus, warnings == null || warnings.isEmpty() ? null : warnings);
    }

    private SessionView withoutJoinLink() {
        return new SessionView(id, editionId, activityId, trackId, status, sequence, lang, title, titles, description,
                descriptions, start, end, timeZone, displayTimeZone, day, mode, venue, null, hasJoinLink, capacity,
                audience, level, language, speakerIds, institutionIds, cancelReason, unpublishedChanges, draftStatus,
                warnings);
    }
}
