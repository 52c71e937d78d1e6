package org.eduweek.schedule.web;

import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.eduweek.schedule.store.Repositories;
import org.eduweek.schedule.store.SessionStore;
import org.eduweek.schedule.domain.Venue;
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

/** Rooms (campus > building > room) with capacity and the shared-space flag. */
@RestController
@RequestMapping("/api/schedule")
@Tag(name = "Venues")
public class VenueController {

    private final Repositories.Venues venues;
    private final SessionStore sessions;
    private final ReferenceData<Venue> data;

    public VenueController(Repositories.Venues venues, SessionStore sessions) {
        this.venues = venues;
        this.sessions = sessions;
        this.data = new ReferenceData<>("Venue", "ven-", "/api/schedule/venues", venues);
    }

    public record VenueRequest(String id, String campus, String building, String room, Integer capacity,
            Boolean sharedSpace, Boolean sampleData) {
    }

    @GetMapping("/venues")
    @Operation(summary = "Rooms, optionally of one campus")
    public List<Venue> venues(@RequestParam(required = false) String campus) {
        return venues.findAll().stream().filter(v -> campus == null || campus.equalsIgnoreCase(v.campus())).toList();
    }

    @GetMapping("/venues/{id}")
    public Venue venue(@PathVariable String id) {
        return data.load(id);
    }

    @PostMapping("/venues")
    @PreAuthorize(Staff.ONLY)
    public ResponseEntity<Venue> createVenue(@RequestBody VenueRequest b) {
        return data.create(b.id(), id -> toVenue(id, b), Function.identity());
    }

    @PutMapping("/venues/{id}")
    @PreAuthorize(Staff.ONLY)
    @Operation(summary = "Replace a room; sessions already planned there keep their capacity")
    public Venue updateVenue(@PathVariable String id, @RequestBody VenueRequest b) {
        return data.replace(id, i -> toVenue(i, b), Function.identity());
    }

    @DeleteMapping("/venues/{id}")
    @PreAuthorize(Staff.ONLY)
    public ResponseEntity<Void> deleteVenue(@PathVariable String id) {
        return data.delete(id, ReferenceData.Usage.sessionsWith(sessions, "draft.venue.venueId", id));
    }

    private Venue toVenue(String id, VenueRequest b) {
        ReferenceData.checksFor(id)
                .require("campus", b.campus()).require("room", b.room())
                .check(b.capacity() == null || b.capacity() >= 1, "capacity", "must be at least 1").orThrow();
        return new Venue(id, b.campus().strip(), b.building() == null ? null : b.building().strip(), b.room().strip(),
                b.capacity(), Boolean.TRUE.equals(b.sharedSpace()), Boolean.TRUE.equals(b.sampleData()));
    }
}
