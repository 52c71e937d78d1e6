package org.eduweek.schedule.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.eduweek.schedule.domain.Bilingual;
import org.eduweek.schedule.store.Repositories;
import org.eduweek.schedule.store.SessionStore;
import org.eduweek.schedule.domain.Track;
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
@RequestMapping("/api/schedule/tracks")
@Tag(name = "Tracks", description = "The parts of an edition's programme")
public class TrackController {

    private final Repositories.Tracks tracks;
    private final Repositories.Editions editions;
    private final Repositories.Activities activities;
    private final SessionStore sessions;
    private final EditorAccess access;
    private final ReferenceData<Track> data;

    public TrackController(Repositories.Tracks tracks, Repositories.Editions editions,
            Repositories.Activities activities, SessionStore sessions,
            EditorAccess access) {
        this.tracks = tracks;
        this.editions = editions;
        this.activities = activities;
        this.sessions = sessions;
        this.access = access;
        this.data = new ReferenceData<>("Track", "trk-", "/api/schedule/tracks", tracks);
    }

    public record TrackRequest(String id, String editionId, TextInput title, TextInput description, Integer position,
            Boolean assumed) {
    }

    public record TrackView(String id, String editionId, String lang, String title, Bilingual titles,
            String description, int position, boolean assumed) {
        static TrackView of(Track t, String lang) {
            return new TrackView(t.id(), t.editionId(), lang, t.title().in(lang), t.title(),
                    t.description() == null ? null : t.description().in(lang), t.position(), t.assumed());
        }
    }

    @GetMapping
    public List<TrackView> list(@RequestParam String editionId, HttpServletRequest request) {
        String lang = Lang.of(request);
        return tracks.findByEditionIdOrderByPosition(editionId).stream().map(t -> TrackView.of(t, lang)).toList();
    }

    @GetMapping("/{id}")
    public TrackView get(@PathVariable String id, HttpServletRequest request) {
        return TrackView.of(data.load(id), Lang.of(request));
    }

    @PostMapping
    @PreAuthorize(Staff.ONLY)
    public ResponseEntity<TrackView> create(@RequestBody TrackRequest body, HttpServletRequest request) {
        access.requireMayEdit(body.editionId());
        return data.create(body.id(), id -> toTrack(id, body), t -> TrackView.of(t, Lang.of(request)));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Staff.ONLY)
    public TrackView update(@PathVariable String id, @RequestBody TrackRequest body, HttpServletRequest request) {
        access.requireMayEdit(data.load(id).editionId());
        access.requireMayEdit(body.editionId());
        return data.replace(id, i -> toTrack(i, body), t -> TrackView.of(t, Lang.of(request)));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Staff.ONLY)
    public ResponseEntity<Void> delete(@PathVariable String id) {
        access.requireMayEdit(data.load(id).editionId());
        return data.delete(id, new ReferenceData.Usage("activities", () -> activities.countByTrackId(id)),
                ReferenceData.Usage.sessionsWith(sessions, "draft.trackId", id));
    }

    private Track toTrack(String id, TrackRequest b) {
        ReferenceData.checksFor(id)
                .require("editionId", b.editionId()).require("title", b.title())
                .check(b.editionId() == null || editions.existsById(b.editionId()), "editionId", "no edition with this id")
                .orThrow();
        return new Track(id, b.editionId(), TextInput.toDomain(b.title()), TextInput.toDomain(b.description()),
                b.position() == null ? 0 : b.position(), Boolean.TRUE.equals(b.assumed()));
    }
}
