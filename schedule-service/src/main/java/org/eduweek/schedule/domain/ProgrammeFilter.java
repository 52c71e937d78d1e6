package org.eduweek.schedule.domain;

import java.time.LocalDate;
import java.util.Locale;

/** Browse criteria; every field is optional. {@code day} is a local date in the edition's zone. */
public record ProgrammeFilter(String editionId, String trackId, String activityId, LocalDate day, String campus,
        Mode mode, Audience audience, String language, String text, boolean includeCancelled) {

    /** Every live session of one edition, whatever its track, day, place or audience. */
    public static ProgrammeFilter liveOf(String editionId) {
        return new ProgrammeFilter(editionId, null, null, null, null, null, null, null, null, false);
    }

    public boolean matches(Programme.Entry e) {
        SessionData d = e.data();
        return (editionId == null || editionId.equals(e.session().editionId()))
                && (trackId == null || trackId.equals(d.trackId()))
                && (activityId == null || activityId.equals(d.activityId()))
                && (day == null || day.equals(e.day()))
                && (campus == null || d.venue() != null && campus.equalsIgnoreCase(d.venue().campus()))
                && (mode == null || mode == d.mode())
                && (audience == null || d.audience().isEmpty() || d.audience().contains(audience))
                && (language == null || language.equalsIgnoreCase(d.language()))
                && (text == null || e.searchable().contains(text.toLowerCase(Locale.ROOT)))
                && (includeCancelled || !d.cancelled());
    }
}
