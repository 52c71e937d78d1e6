package org.eduweek.schedule.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.eduweek.schedule.domain.Bilingual;
import org.eduweek.schedule.store.Repositories;
import org.eduweek.schedule.store.SessionStore;
import org.eduweek.schedule.domain.Speaker;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Speakers, optionally tied to an institution. */
@RestController
@RequestMapping("/api/schedule")
@Tag(name = "Speakers")
public class SpeakerController {

    private final Repositories.Speakers speakers;
    private final Repositories.Institutions institutions;
    private final SessionStore sessions;
    private final ReferenceData<Speaker> data;

    public SpeakerController(Repositories.Speakers speakers, Repositories.Institutions institutions,
            SessionStore sessions) {
        this.speakers = speakers;
        this.institutions = institutions;
        this.sessions = sessions;
        this.data = new ReferenceData<>("Speaker", "spk-", "/api/schedule/speakers", speakers);
    }

    public record SpeakerRequest(String id, TextInput name, String affiliation, String institutionId, TextInput bio,
            Boolean sampleData) {
    }

    public record SpeakerView(String id, String lang, String name, Bilingual names, String affiliation,
            String institutionId, String bio, boolean sampleData) {
        static SpeakerView of(Speaker s, String lang) {
            return new SpeakerView(s.id(), lang, s.name().in(lang), s.name(), s.affiliation(), s.institutionId(),
                    s.bio() == null ? null : s.bio().in(lang), s.sampleData());
        }
    }

    @GetMapping("/speakers")
    public List<SpeakerView> speakers(HttpServletRequest request) {
        String lang = Lang.of(request);
        return speakers.findAll().stream().map(s -> SpeakerView.of(s, lang)).toList();
    }

    @GetMapping("/speakers/{id}")
    public SpeakerView speaker(@PathVariable String id, HttpServletRequest request) {
        return SpeakerView.of(data.load(id), Lang.of(request));
    }

    @PostMapping("/speakers")
    @PreAuthorize(Staff.ONLY)
    public ResponseEntity<SpeakerView> createSpeaker(@RequestBody SpeakerRequest b, HttpServletRequest request) {
        return data.create(b.id(), id -> toSpeaker(id, b), s -> SpeakerView.of(s, Lang.of(request)));
    }

    @PutMapping("/speakers/{id}")
    @PreAuthorize(Staff.ONLY)
    public SpeakerView updateSpeaker(@PathVariable String id, @RequestBody SpeakerRequest b,
            HttpServletRequest request) {
        return data.replace(id, i -> toSpeaker(i, b), s -> SpeakerView.of(s, Lang.of(request)));
    }

    @DeleteMapping("/speakers/{id}")
    @PreAuthorize(Staff.ONLY)
    public ResponseEntity<Void> deleteSpeaker(@PathVariable String id) {
        return data.delete(id, ReferenceData.Usage.sessionsWith(sessions, "draft.speakerIds", id));
    }

    private Speaker toSpeaker(String id, SpeakerRequest b) {
        ReferenceData.checksFor(id)
                .require("name", b.name())
                .check(b.institutionId() == null || institutions.existsById(b.institutionId()), "institutionId",
                        "no institution with this id")
                .orThrow();
        return new Speaker(id, TextInput.toDomain(b.name()), b.affiliation(), b.institutionId(),
                TextInput.toDomain(b.bio()), Boolean.TRUE.equals(b.sampleData()));
    }

}
