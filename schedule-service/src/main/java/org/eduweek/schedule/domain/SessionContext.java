package org.eduweek.schedule.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eduweek.schedule.store.Repositories;
import org.springframework.stereotype.Component;

/**
 * Looks up what a session refers to (edition, activity, track, room, speakers, institutions), validates the input
 * against it and builds the normalized {@link SessionData}: instants, per-mode capacity, no venue for an online
 * session, no link for an offline one.
 */
@Component
public class SessionContext {

    private final Repositories.Editions editions;
    private final Repositories.Activities activities;
    private final Repositories.Tracks tracks;
    private final Repositories.Venues venues;
    private final Repositories.Speakers speakers;
    private final Repositories.Institutions institutions;

    public SessionContext(Repositories.Editions editions, Repositories.Activities activities,
            Repositories.Tracks tracks, Repositories.Venues venues, Repositories.Speakers speakers,
            Repositories.Institutions institutions) {
        this.editions = editions;
        this.activities = activities;
        this.tracks = tracks;
        this.venues = venues;
        this.speakers = speakers;
        this.institutions = institutions;
    }

    public record Resolved(String editionId, Edition edition, Venue venue, SessionData data) {
    }

    public Resolved resolve(SessionInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        Activity activity = null;
        if (in.activityId() != null) {
            activity = activities.findById(in.activityId()).orElse(null);
            if (activity == null) {
                problems.add(new FieldProblem("activityId", "no activity with this id"));
            }
        }
        Edition edition = edition(in, activity, problems);
        String trackId = in.trackId() != null ? in.trackId() : activity == null ? null : activity.trackId();
        if (in.trackId() != null && !tracks.existsById(in.trackId())) {
            problems.add(new FieldProblem("trackId", "no track with this id"));
        }
        problems.addAll(SessionRules.validate(in, edition));
        Venue venue = in.mode() != null && in.mode().inPerson() ? venue(in, problems) : null;
        in.speakerIds().stream().filter(id -> !speakers.existsById(id))
                .forEach(id -> problems.add(new FieldProblem("speakerIds", "no speaker with id " + id)));
        in.institutionIds().stream().filter(id -> !institutions.existsById(id))
                .forEach(id -> problems.add(new FieldProblem("institutionIds", "no institution with id " + id)));
        if (!problems.isEmpty()) {
            throw ScheduleRuleException.invalid(problems);
        }
        Mode mode = in.mode();
        Capacity capacity = mode == Mode.HYBRID ? new Capacity(in.capacityInPerson(), in.capacityOnline())
                : Capacity.of(mode, in.capacity());
        VenueRef ref = !mode.inPerson() ? null : venue != null ? venue.ref() : in.venue();
        String zone = in.timeZone() != null ? in.timeZone() : edition.timeZone();
        SessionData data = new SessionData(activity == null ? null : activity.id(), trackId, in.title(),
                in.description(), in.start().toInstant(), in.end().toInstant(), zone, mode, ref,
                mode.online() ? in.joinLink().strip() : null, capacity, in.audience(), in.level(), in.language(),
                in.speakerIds(), in.institutionIds(), false, null);
        return new Resolved(edition == null ? null : edition.id(), edition, venue, data);
    }

    public Venue venue(String id) {
        return venues.findById(id).orElse(null);
    }

    /**
     * The edition named, else the activity's, else the one whose dates cover the start (so the one-call path lands
     * in the seeded week without naming it), else none: then no date rule applies.
     */
    private Edition edition(SessionInput in, Activity activity, List<FieldProblem> problems) {
        String id = in.editionId() != null ? in.editionId() : activity == null ? null : activity.editionId();
        if (id != null) {
            Edition e = editions.findById(id).orElse(null);
            if (e == null) {
                problems.add(new FieldProblem("editionId", "no edition with this id"));
            } else if (activity != null && !id.equals(activity.editionId())) {
                problems.add(new FieldProblem("activityId", "belongs to another edition"));
            }
            return e;
        }
        if (in.start() == null || in.end() == null) {
            return null;
        }
        Instant start = in.start().toInstant();
        return editions.findAll().stream().filter(e -> !start.isBefore(e.opens()) && start.isBefore(e.closes()))
                .findFirst().orElse(null);
    }

    private Venue venue(SessionInput in, List<FieldProblem> problems) {
        String venueId = in.venueId() != null ? in.venueId() : in.venue() == null ? null : in.venue().venueId();
        if (venueId != null) {
            Venue v = venues.findById(venueId).orElse(null);
            if (v == null) {
                problems.add(new FieldProblem("venueId", "no venue with this id"));
            }
            return v;
        }
        if (in.venue() == null) {
            return null;
        }
        return venues.findFirstByCampusAndBuildingAndRoom(in.venue().campus(), in.venue().building(),
                in.venue().room()).orElse(null);
    }
}
