package org.eduweek.schedule.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.eduweek.platform.security.CurrentUser;
import org.eduweek.platform.web.ApiException;
import org.eduweek.schedule.domain.Bilingual;
import org.eduweek.schedule.domain.Edition;
import org.eduweek.schedule.domain.EditionSummary;
import org.eduweek.schedule.domain.Programme;
import org.eduweek.schedule.store.Repositories;
import org.eduweek.schedule.store.SessionStore;
import org.eduweek.schedule.team.EditorAccess;
import org.eduweek.schedule.team.TeamService;
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
@RequestMapping("/api/schedule/editions")
@Tag(name = "Editions", description = "A year's International Education Week: dates, time zone, campuses, figures")
public class EditionController {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Repositories.Editions editions;
    private final SessionStore sessions;
    private final Programme programme;
    private final EditionSummary summaries;
    private final Clock clock;
    private final TeamService teams;
    private final EditorAccess access;

    public EditionController(Repositories.Editions editions, SessionStore sessions, Programme programme,
            EditionSummary summaries, Clock clock, TeamService teams, EditorAccess access) {
        this.teams = teams;
        this.access = access;
        this.editions = editions;
        this.sessions = sessions;
        this.programme = programme;
        this.summaries = summaries;
        this.clock = clock;
    }

    public record EditionRequest(String id, TextInput name, TextInput description, String hostInstitution,
            LocalDate startDate, LocalDate endDate, String timeZone, List<String> campuses, Boolean sampleData) {
    }

    public record EditionView(String id, String lang, String name, Bilingual names, String description,
            String hostInstitution, LocalDate startDate, LocalDate endDate, String timeZone, List<String> campuses,
            boolean sampleData) {

        static EditionView of(Edition e, String lang) {
            return new EditionView(e.id(), lang, e.name().in(lang), e.name(), e.description().in(lang),
                    e.hostInstitution(), e.startDate(), e.endDate(), e.timeZone(), e.campuses(), e.sampleData());
        }
    }

    @GetMapping
    @Operation(summary = "All editions, newest first; mine=true: the editions the caller may manage",
            description = "mine=true needs an organizer's or admin's token: an organizer gets the editions whose team "
                    + "holds them, an ADMIN every edition.")
    public List<EditionView> list(@RequestParam(defaultValue = "false") boolean mine, HttpServletRequest request) {
        String lang = Lang.of(request);
        java.util.function.Predicate<Edition> shown = e -> true;
        if (mine) {
            CurrentUser user = CurrentUser.current().orElseThrow(() -> new ApiException(
                    org.springframework.http.HttpStatus.UNAUTHORIZED, "unauthorized", "A valid bearer token is required"));
            if (!user.isStaff()) {
                throw ApiException.forbidden("Your roles do not allow this operation");
            }
            shown = e -> access.mayEdit(user, e.id());
        }
        return editions.findAll().stream().filter(shown)
                .sorted((a, b) -> b.startDate().compareTo(a.startDate()))
                .map(e -> EditionView.of(e, lang)).toList();
    }

    @GetMapping("/{id}")
    public EditionView get(@PathVariable String id, HttpServletRequest request) {
        return EditionView.of(load(id), Lang.of(request));
    }

    @GetMapping("/{id}/summary")
    @Operation(summary = "The edition's figures: tracks, activities per category, sessions per category and mode",
            description = "For the 2020 seed: 5 tracks (one assumed), 18 activities, 33 programme presentation "
                    + "sessions, 5 cultural activities, 4 teacher training courses, 2 forums, 2 campuses.")
    public EditionSummary.Figures summary(@PathVariable String id) {
        return summaries.of(load(id));
    }

    @PostMapping
    @PreAuthorize(Staff.ONLY)
    public ResponseEntity<EditionView> create(@RequestBody EditionRequest body, HttpServletRequest request) {
        String id = body.id() == null ? "edition-" + java.util.UUID.randomUUID().toString().substring(0, 8) : body.id();
        if (editions.existsById(id)) {
            throw ApiException.conflict("Edition '" + id + "' exists already",
                    List.of(new org.eduweek.platform.web.FieldProblem("id", "exists already")));
        }
        Edition edition = toEdition(id, body);
        // the team first: an edition never exists, not even for a moment, without its creator on the team
        teams.startWith(id, CurrentUser.current().orElseThrow());
        Edition saved = editions.save(edition);
        programme.editionsChanged();
        return ResponseEntity.created(URI.create("/api/schedule/editions/" + id))
                .body(EditionView.of(saved, Lang.of(request)));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Staff.ONLY)
    @Operation(summary = "Replace an edition; sessions already planned are not moved")
    public EditionView update(@PathVariable String id, @RequestBody EditionRequest body, HttpServletRequest request) {
        load(id);
        access.requireMayEdit(id);
        Edition saved = editions.save(toEdition(id, body));
        programme.editionsChanged();
        return EditionView.of(saved, Lang.of(request));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Staff.ONLY)
    @Operation(summary = "Delete an edition that has no sessions")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        load(id);
        access.requireMayEdit(id);
        Checks.inUse("Edition", id, sessions.countWith("editionId", id), "sessions");
        editions.deleteById(id);
        programme.editionsChanged();
        return ResponseEntity.noContent().build();
    }

    private Edition toEdition(String id, EditionRequest b) {
        new Checks().check(ID.matcher(id).matches(), "id", "letters, digits, '.', '_' or '-' (max 64)")
                .require("name", b.name()).require("startDate", b.startDate()).require("endDate", b.endDate())
                .require("timeZone", b.timeZone())
                .check(b.startDate() == null || b.endDate() == null || !b.endDate().isBefore(b.startDate()),
                        "endDate", "must not be before startDate")
                .check(b.timeZone() == null || knownZone(b.timeZone()), "timeZone", "is not a known IANA time zone")
                .orThrow();
        return new Edition(id, TextInput.toDomain(b.name()), TextInput.toDomain(b.description()), b.hostInstitution(),
                b.startDate(), b.endDate(), b.timeZone(), b.campuses(), Boolean.TRUE.equals(b.sampleData()),
                clock.instant());
    }

    static boolean knownZone(String zone) {
        try {
            java.time.ZoneId.of(zone);
            return zone.contains("/") || "UTC".equals(zone);
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private Edition load(String id) {
        return editions.findById(id).orElseThrow(() -> ApiException.notFound("Edition", id));
    }
}
