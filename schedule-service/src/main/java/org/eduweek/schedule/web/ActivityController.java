package org.eduweek.schedule.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.eduweek.schedule.domain.Activity;
import org.eduweek.schedule.domain.ActivityCategory;
import org.eduweek.schedule.domain.ActivityType;
import org.eduweek.schedule.domain.Bilingual;
import org.eduweek.schedule.store.Repositories;
import org.eduweek.schedule.store.SessionStore;
import org.eduweek.schedule.team.EditorAccess;
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
@RequestMapping("/api/schedule/activities")
@Tag(name = "Activities", description = "Presentation series, fairs, classes, salons, forums... of an edition")
public class ActivityController {

    private final Repositories.Activities activities;
    private final Repositories.Editions editions;
    private final Repositories.Tracks tracks;
    private final Repositories.Institutions institutions;
    private final SessionStore sessions;
    private final EditorAccess access;
    private final ReferenceData<Activity> data;

    public ActivityController(Repositories.Activities activities, Repositories.Editions editions,
            Repositories.Tracks tracks, Repositories.Institutions institutions, SessionStore sessions,
            EditorAccess access) {
        this.activities = activities;
        this.editions = editions;
        this.tracks = tracks;
        this.institutions = institutions;
        this.sessions = sessions;
        this.access = access;
        this.data = new ReferenceData<>("Activity", "act-", "/api/schedule/activities", activities);
    }

    public record ActivityRequest(String id, String editionId, String trackId, ActivityType type,
            ActivityCategory category, TextInput title, TextInput description, String organizer,
            List<String> institutionIds, Boolean sampleData) {
    }

    public record ActivityView(String id, String editionId, String trackId, String type, String category,
            String lang, String title, Bilingual titles, String description, String organizer,
            List<String> institutionIds, boolean sampleData) {
        static ActivityView of(Activity a, String lang) {
            return new ActivityView(a.id(), a.editionId(), a.trackId(), a.type().name(), a.category().name(), lang,
                    a.title().in(lang), a.title(), a.description().in(lang), a.organizer(), a.institutionIds(),
                    a.sampleData());
        }
    }

    @GetMapping
    public List<ActivityView> list(@RequestParam String editionId, @RequestParam(required = false) String trackId,
            HttpServletRequest request) {
        String lang = Lang.of(request);
        return activities.findByEditionId(editionId).stream()
                .filter(a -> trackId == null || trackId.equals(a.trackId())).map(a -> ActivityView.of(a, lang))
                .toList();
    }

    @GetMapping("/{id}")
    public ActivityView get(@PathVariable String id, HttpServletRequest request) {
        return ActivityView.of(data.load(id), Lang.of(request));
    }

    @PostMapping
    @PreAuthorize(Staff.ONLY)
    public ResponseEntity<ActivityView> create(@RequestBody ActivityRequest body, HttpServletRequest request) {
        access.requireMayEdit(body.editionId());
        return data.create(body.id(), id -> toActivity(id, body), a -> ActivityView.of(a, Lang.of(request)));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Staff.ONLY)
    public ActivityView update(@PathVariable String id, @RequestBody ActivityRequest body, HttpServletRequest request) {
        access.requireMayEdit(data.load(id).editionId());
        access.requireMayEdit(body.editionId());
        return data.replace(id, i -> toActivity(i, body), a -> ActivityView.of(a, Lang.of(request)));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Staff.ONLY)
    public ResponseEntity<Void> delete(@PathVariable String id) {
        access.requireMayEdit(data.load(id).editionId());
        return data.delete(id, ReferenceData.Usage.sessionsWith(sessions, "draft.activityId", id));
    }

    private Activity toActivity(String id, ActivityRequest b) {
        Checks checks = ReferenceData.checksFor(id)
                .require("editionId", b.editionId()).require("type", b.type()).require("title", b.title())
                .check(b.editionId() == null || editions.existsById(b.editionId()), "editionId", "no edition with this id")
                .check(b.trackId() == null || tracks.existsById(b.trackId()), "trackId", "no track with this id");
        if (b.institutionIds() != null) {
            b.institutionIds().forEach(i -> checks.check(institutions.existsById(i), "institutionIds",
                    "no institution with id " + i));
        }
        checks.orThrow();
        return new Activity(id, b.editionId(), b.trackId(), b.type(), b.category(), TextInput.toDomain(b.title()),
                TextInput.toDomain(b.description()), b.organizer(), b.institutionIds(),
                Boolean.TRUE.equals(b.sampleData()));
    }
}
