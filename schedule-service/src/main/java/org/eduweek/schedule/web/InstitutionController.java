package org.eduweek.schedule.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.eduweek.platform.web.ApiException;
import org.eduweek.schedule.domain.Bilingual;
import org.eduweek.schedule.domain.Institution;
import org.eduweek.schedule.domain.Repositories;
import org.eduweek.schedule.domain.SessionStore;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

    public InstitutionController(Repositories.Institutions institutions, SessionStore sessions) {
        this.institutions = institutions;
        this.sessions = sessions;
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
        return InstitutionView.of(loadInstitution(id), Lang.of(request));
    }

    @PostMapping("/institutions")
    @PreAuthorize(Staff.ONLY)
    public ResponseEntity<InstitutionView> createInstitution(@RequestBody InstitutionRequest b,
            HttpServletRequest request) {
        String id = b.id() != null ? b.id() : "ins-" + UUID.randomUUID().toString().substring(0, 8);
        new Checks().check(!institutions.existsById(id), "id", "exists already").orThrow();
        return ResponseEntity.created(URI.create("/api/schedule/institutions/" + id))
                .body(InstitutionView.of(institutions.save(toInstitution(id, b)), Lang.of(request)));
    }

    @PutMapping("/institutions/{id}")
    @PreAuthorize(Staff.ONLY)
    public InstitutionView updateInstitution(@PathVariable String id, @RequestBody InstitutionRequest b,
            HttpServletRequest request) {
        loadInstitution(id);
        return InstitutionView.of(institutions.save(toInstitution(id, b)), Lang.of(request));
    }

    @DeleteMapping("/institutions/{id}")
    @PreAuthorize(Staff.ONLY)
    public ResponseEntity<Void> deleteInstitution(@PathVariable String id) {
        loadInstitution(id);
        Checks.inUse("Institution", id,
                sessions.count(Query.query(Criteria.where("draft.institutionIds").is(id))), "sessions");
        institutions.deleteById(id);
        return ResponseEntity.noContent().build();
    }

    private Institution toInstitution(String id, InstitutionRequest b) {
        new Checks().check(EditionController.ID.matcher(id).matches(), "id", "letters, digits, '.', '_' or '-'")
                .require("name", b.name())
                .check(b.country() == null || b.country().matches("[A-Z]{2}"), "country", "must be an ISO 3166 alpha-2 code")
                .orThrow();
        return new Institution(id, TextInput.toDomain(b.name()), b.country(), b.website(),
                Boolean.TRUE.equals(b.sampleData()));
    }

    private Institution loadInstitution(String id) {
        return institutions.findById(id).orElseThrow(() -> ApiException.notFound("Institution", id));
    }
}
