package org.eduweek.schedule.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.eduweek.platform.web.ApiException;
import org.eduweek.platform.web.FieldProblem;
import org.eduweek.schedule.calendar.CalendarWriter;
import org.eduweek.schedule.domain.Audience;
import org.eduweek.schedule.domain.Mode;
import org.eduweek.schedule.domain.Programme;
import org.eduweek.schedule.domain.ProgrammeFilter;
import org.eduweek.schedule.domain.Session;
import org.eduweek.schedule.store.SessionStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Calendars", description = "RFC 5545 iCalendar feeds (text/calendar) with VTIMEZONE, LOCATION and "
        + "SEQUENCE, so subscribed calendar apps follow changes and cancellations. Join links (URL) only for "
        + "organizers and admins; participants get theirs with a confirmed registration.")
public class CalendarController {

    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    static final int MAX_PERSONAL = 200;

    private final CalendarWriter writer;
    private final Programme programme;
    private final SessionStore sessions;

    public CalendarController(CalendarWriter writer, Programme programme, SessionStore sessions) {
        this.writer = writer;
        this.programme = programme;
        this.sessions = sessions;
    }

    @GetMapping("/api/schedule/sessions/{id}/calendar.ics")
    @Operation(summary = "One published session as an iCalendar file")
    public ResponseEntity<String> session(@PathVariable String id, HttpServletRequest request) {
        Session s = sessions.find(id).filter(x -> x.published() != null)
                .orElseThrow(() -> ApiException.notFound("Session", id));
        String lang = Lang.of(request);
        return ics(id + ".ics", writer.write(s.published().title().in(lang), List.of(s), lang,
                Staff.isCaller()));
    }

    @GetMapping("/api/schedule/calendar.ics")
    @Operation(summary = "A feed of the published programme, filtered like the session browse (cancelled sessions "
            + "included as STATUS:CANCELLED unless includeCancelled=false)")
    public ResponseEntity<String> feed(@RequestParam(required = false) String editionId,
            @RequestParam(required = false) String trackId, @RequestParam(required = false) String activityId,
            @RequestParam(required = false) LocalDate day, @RequestParam(required = false) String campus,
            @RequestParam(required = false) Mode mode, @RequestParam(required = false) Audience audience,
            @RequestParam(required = false) String language, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "true") boolean includeCancelled, HttpServletRequest request) {
        ProgrammeFilter filter = new ProgrammeFilter(editionId, trackId, activityId, day, campus, mode, audience,
                language, q == null || q.isBlank() ? null : q.strip(), includeCancelled);
        List<Session> found = programme.search(filter).stream().map(Programme.Entry::session).toList();
        String lang = Lang.of(request);
        String name = editionId == null ? "eduweek programme"
                : programme.edition(editionId) == null ? editionId : programme.edition(editionId).name().in(lang);
        return ics("programme.ics", writer.write(name, found, lang, Staff.isCaller()));
    }

    @GetMapping("/api/schedule/calendar/personal.ics")
    @Operation(summary = "A personal calendar of chosen sessions (e.g. the ones a participant registered for)",
            description = "sessionIds: comma separated or repeated, at most 200; every id must be a published session.")
    public ResponseEntity<String> personal(@RequestParam List<String> sessionIds, HttpServletRequest request) {
        List<String> ids = sessionIds.stream().flatMap(s -> java.util.Arrays.stream(s.split(",")))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (ids.isEmpty() || ids.size() > MAX_PERSONAL) {
            throw ApiException.badField("sessionIds", "give between 1 and " + MAX_PERSONAL + " session ids");
        }
        List<Session> found = new ArrayList<>();
        List<FieldProblem> unknown = new ArrayList<>();
        for (String id : ids) {
            sessions.find(id).filter(s -> s.published() != null).ifPresentOrElse(found::add,
                    () -> unknown.add(new FieldProblem("sessionIds", "no published session " + id)));
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation", "Unknown session ids", unknown);
        }
        found.sort(java.util.Comparator.comparing(s -> s.published().start()));
        return ics("my-eduweek.ics", writer.write("My eduweek", found, Lang.of(request),
                Staff.isCaller()));
    }

    private static ResponseEntity<String> ics(String filename, String body) {
        return ResponseEntity.ok().contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"").body(body);
    }
}
