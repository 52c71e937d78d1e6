package org.eduweek.schedule.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.eduweek.platform.web.ApiException;
import org.eduweek.schedule.domain.Audience;
import org.eduweek.schedule.domain.FieldProblem;
import org.eduweek.schedule.domain.Mode;
import org.eduweek.schedule.domain.Programme;
import org.eduweek.schedule.domain.ProgrammeFilter;
import org.eduweek.schedule.domain.Session;
import org.eduweek.schedule.domain.SessionService;
import org.eduweek.schedule.domain.SessionInput;
import org.eduweek.schedule.team.EditorAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/schedule/sessions")
@Tag(name = "Sessions", description = "Browse the published programme; organizers create, edit, cancel and publish")
public class SessionController {

    private final SessionService sessions;
    private final Programme programme;
    private final SessionPages pages;
    private final EditorAccess access;

    public SessionController(SessionService sessions, Programme programme, SessionPages pages,
            EditorAccess access) {
        this.access = access;
        this.sessions = sessions;
        this.programme = programme;
        this.pages = pages;
    }

    @PostMapping
    @PreAuthorize(Staff.ONLY)
    @Operation(summary = "Create a session (a draft, or published at once with \"publish\": true)")
    public ResponseEntity<SessionView> create(@RequestBody SessionRequest body, HttpServletRequest request) {
        SessionInput input = body.toInput();
        access.requireMayEdit(sessions.editionOf(input));
        SessionService.Result r = sessions.create(input, body.publishNow());
        return ResponseEntity.created(URI.create("/api/schedule/sessions/" + r.session().id()))
                .header(HttpHeaders.CONTENT_LANGUAGE, Lang.of(request))
                .body(draftView(r.session(), request, r.warnings()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One session: the published version; organizers get the draft with view=draft "
            + "(or when it was never published)", description = "joinLink only for organizers and admins; "
            + "participants get it on their confirmed registration (registration-service).")
    public ResponseEntity<SessionView> get(@PathVariable String id,
            @RequestParam(required = false) String view, HttpServletRequest request) {
        Session s = sessions.load(id);
        boolean staff = Staff.isCaller();
        if (staff && ("draft".equals(view) || s.published() == null)) {
            return localized(draftView(s, request, List.of()), request);
        }
        if (s.published() == null) {
            throw ApiException.notFound("Session", id);
        }
        String lang = Lang.of(request);
        return localized(SessionView.published(s, programme.displayZone(s.editionId(), s.published().timeZone()),
                lang, staff), request);
    }

    @GetMapping
    @Operation(summary = "Browse the published programme", description = "Filters combine with AND; day is a "
            + "local date in the edition's zone; audience matches sessions for that audience or for everyone; "
            + "q searches titles, descriptions, rooms (en and zh). page is 0-based, size 1..1000 (default 100).")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SessionPages.Page.class)))
    public ResponseEntity<byte[]> browse(@RequestParam(required = false) String editionId,
            @RequestParam(required = false) String trackId, @RequestParam(required = false) String activityId,
            @RequestParam(required = false) LocalDate day, @RequestParam(required = false) String campus,
            @RequestParam(required = false) Mode mode, @RequestParam(required = false) Audience audience,
            @RequestParam(required = false) String language, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean includeCancelled,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
            HttpServletRequest request) {
        ProgrammeFilter filter = new ProgrammeFilter(editionId, trackId, activityId, day, campus, mode, audience,
                language, q == null || q.isBlank() ? null : q.strip(), includeCancelled);
        String lang = Lang.of(request);
        if (page < 0 || size < 1 || size > SessionPages.MAX_SIZE) {
            pages.page(List.of(), page, size, lang); // throws the problem naming page or size
        }
        Programme.Result result = programme.query(filter);
        String acceptEncoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        boolean gzip = acceptEncoding != null && acceptEncoding.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.CONTENT_LANGUAGE, lang)
                .header(HttpHeaders.VARY, "Accept-Encoding, Accept-Language")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON);
        if (gzip) {
            return ok.header(HttpHeaders.CONTENT_ENCODING, "gzip")
                    .body(pages.pageGzip(result, filter.toString(), page, size, lang));
        }
        return ok.body(pages.pageJson(result, filter.toString(), page, size, lang));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Staff.ONLY)
    @Operation(summary = "Replace a session's draft (same body as create); publish: true publishes the change now")
    public ResponseEntity<SessionView> update(@PathVariable String id, @RequestBody SessionRequest body,
            HttpServletRequest request) {
        access.requireMayEdit(sessions.load(id).editionId());
        SessionService.Result r = sessions.update(id, body.toInput(), body.publishNow());
        return localized(draftView(r.session(), request, r.warnings()), request);
    }

    public record CancelRequest(String reason, Boolean publish) {
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize(Staff.ONLY)
    @Operation(summary = "Cancel a session in the draft; publish: true announces it now (SessionCancelled)")
    public ResponseEntity<SessionView> cancel(@PathVariable String id,
            @RequestBody(required = false) CancelRequest body, HttpServletRequest request) {
        access.requireMayEdit(sessions.load(id).editionId());
        CancelRequest c = body == null ? new CancelRequest(null, false) : body;
        Session s = sessions.cancel(id, c.reason(), Boolean.TRUE.equals(c.publish()));
        return localized(draftView(s, request, List.of()), request);
    }

    public record PublishFlag(Boolean publish) {
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize(Staff.ONLY)
    @Operation(summary = "Undo a cancellation in the draft (the room must still be free)")
    public ResponseEntity<SessionView> restore(@PathVariable String id,
            @RequestBody(required = false) PublishFlag body, HttpServletRequest request) {
        access.requireMayEdit(sessions.load(id).editionId());
        SessionService.Result r = sessions.restore(id, body != null && Boolean.TRUE.equals(body.publish()));
        return localized(draftView(r.session(), request, r.warnings()), request);
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize(Staff.ONLY)
    @Operation(summary = "Publish this one session's draft now, outside a release")
    public ResponseEntity<SessionView> publish(@PathVariable String id, HttpServletRequest request) {
        access.requireMayEdit(sessions.load(id).editionId());
        return localized(draftView(sessions.publishNow(id), request, List.of()), request);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Staff.ONLY)
    @Operation(summary = "Delete a never-published session (a published one must be cancelled)")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        access.requireMayEdit(sessions.load(id).editionId());
        sessions.delete(id);
        return ResponseEntity.noContent().build();
    }

    private SessionView draftView(Session s, HttpServletRequest request, List<FieldProblem> warnings) {
        return SessionView.draft(s, programme.displayZone(s.editionId(), s.draft().timeZone()), Lang.of(request),
                DomainProblems.errors(warnings));
    }

    private static ResponseEntity<SessionView> localized(SessionView view, HttpServletRequest request) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_LANGUAGE, view.lang()).body(view);
    }
}
