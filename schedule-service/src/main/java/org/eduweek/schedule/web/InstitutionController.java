package org.eduweek.schedule.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.eduweek.schedule.domain.Bilingual;
import org.eduweek.schedule.domain.Institution;
import org.eduweek.schedule.store.Repositories;
import org.eduweek.schedule.store.SessionStore;
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

/** Partner universities and organisations. */
@RestController
@RequestMapping("/api/schedule")
@Tag(name = "Institutions")
public class InstitutionController {

    private final Repositories.Institutions institutions;
    private final SessionStore sessions;
    private final ReferenceData<Institution> data;

    public InstitutionController(Repositories.Institutions institutions, SessionStore sessions) {
        this.institutions = institutions;
        this.sessions = sessions;
        this.data = new ReferenceData<>("Institution", "ins-", "/api/schedule/institutions", institutions);
    }

    public record InstitutionRequest(String id, TextInput name, String country, String website, Boolean sampleData) {
    }

    public record InstitutionView(String id, String lang, String name, Bilingual names, String country,
            String website, boolean sampleData) {
        static InstitutionView of(Institution i, String lang) {
            return new InstitutionView(i.id(), lang, i.name().in(lang), i.name(), i.country(), i.website(),
                    i.sampleData());
        }
    }

    @GetMapping("/institutions")
    public List<InstitutionView> institutions(HttpServletRequest request) {
        String lang = Lang.of(request);
        return institutions.findAll().stream().map(i -> InstitutionView.of(i, lang)).toList();
    }

    @GetMapping("/institutions/{id}")
    public InstitutionView institution(@PathVariable String id, HttpServletRequest request) {
        return InstitutionView.of(data.load(id), Lang.of(request));
    }

    @PostMapping("/institutions")
    @PreAuthorize(Staff.ONLY)
    public ResponseEntity<InstitutionView> createInstitution(@RequestBody InstitutionRequest b,
            HttpServletRequest request) {
        return data.create(b.id(), id -> toInstitution(id, b), i -> InstitutionView.of(i, Lang.of(request)));
    }

    @PutMapping("/institutions/{id}")
    @PreAuthorize(Staff.ONLY)
    public InstitutionView updateInstitution(@PathVariable String id, @RequestBody InstitutionRequest b,
            HttpServletRequest request) {
        return data.replace(id, i -> toInstitution(i, b), i -> InstitutionView.of(i, Lang.of(request)));
    }

    @DeleteMapping("/institutions/{id}")
    @PreAuthorize(Staff.ONLY)
    public ResponseEntity<Void> deleteInstitution(@PathVariable String id) {
        return data.delete(id, ReferenceData.Usage.sessionsWith(sessions, "draft.institutionIds", id));
    }

    private Institution toInstitution(String id, InstitutionRequest b) {
        ReferenceData.checksFor(id)
                .require("name", b.name())
                .check(b.country() == null || b.country().matches("[A-Z]{2}"), "country", "must be an ISO 3166 alpha-2 code")
                .orThrow();
        return new Institution(id, TextInput.toDomain(b.name()), b.country(), b.website(),
                Boolean.TRUE.equals(b.sampleData()));
    }
}
