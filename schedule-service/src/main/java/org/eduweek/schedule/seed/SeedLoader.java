package org.eduweek.schedule.seed;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eduweek.schedule.domain.Activity;
import org.eduweek.schedule.domain.Edition;
import org.eduweek.schedule.domain.Programme;
import org.eduweek.schedule.domain.Release;
import org.eduweek.schedule.store.Repositories;
import org.eduweek.schedule.domain.Session;
import org.eduweek.schedule.store.SessionStore;
import org.eduweek.schedule.domain.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.eduweek.platform.teams.TeamMember;
import org.eduweek.schedule.team.TeamService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the 2020 edition once: only when the edition does not exist, so the data (and any organizer edits) survive
 * restarts. The edition is written LAST and is the marker: a start that crashed half-way redoes the seed, skipping
 * sessions already stored (their events were already in their outbox). Every seeded session is published through
 * the outbox, so the other services build their replicas from SessionScheduled like for any other session; the seed
 * is recorded as release 1 so the changelog starts from it. With demo re-base the shift is computed once, at seed
 * time: a restart keeps the shifted dates; wipe the data (launcher reset) to re-base again.
 */
@Component
@ConditionalOnProperty(prefix = "eduweek.seed", name = "enabled", havingValue = "true")
public class SeedLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final SeedProperties props;
    private final TeamService teams;
    private final ResourceLoader resources;
    private final JsonMapper json;
    private final Repositories.Editions editions;
    private final Repositories.Tracks tracks;
    private final Repositories.Activities activities;
    private final Repositories.Venues venues;
    private final Repositories.Institutions institutions;
    private final Repositories.Speakers speakers;
    private final Repositories.Releases releases;
    private final SessionStore store;
    private final Programme programme;
    private final Clock clock;

    public SeedLoader(SeedProperties props, ResourceLoader resources, JsonMapper json, Repositories.Editions editions,
            Repositories.Tracks tracks, Repositories.Activities activities, Repositories.Venues venues,
            Repositories.Institutions institutions, Repositories.Speakers speakers, Repositories.Releases releases,
            SessionStore store, Programme programme, Clock clock, TeamService teams) {
        this.props = props;
        this.resources = resources;
        this.json = json;
        this.editions = editions;
        this.tracks = tracks;
        this.activities = activities;
        this.venues = venues;
        this.institutions = institutions;
        this.speakers = speakers;
        this.releases = releases;
        this.store = store;
        this.programme = programme;
        this.clock = clock;
        this.teams = teams;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        SeedFile seed = read();
        if (editions.existsById(seed.edition().id())) {
            log.info("Seed: edition {} exists already, nothing loaded", seed.edition().id());
            seedTeam(seed.edition().id());
            return;
        }
        Instant now = clock.instant();
        long days = SeedPlan.rebaseDays(seed, props.demoRebase(), now);
        List<SeedPlan.PlannedSession> planned = SeedPlan.sessions(seed, days, props.demoRebase(), props.demoSoon(),
                now);
        String editionId = seed.edition().id();
        institutions.saveAll(seed.institutions());
        venues.saveAll(seed.venues());
        speakers.saveAll(seed.speakers());
        tracks.saveAll(seed.tracks().stream().map(t -> new Track(t.id(), editionId, t.title(), t.description(),
                t.position(), t.assumed())).toList());
        activities.saveAll(seed.activities().stream().map(a -> new Activity(a.id(), editionId, a.trackId(), a.type(),
                a.category(), a.title(), a.description(), a.organizer(), a.institutionIds(), a.sampleData())).toList());
        List<Release.Entry> entries = new ArrayList<>();
        for (SeedPlan.PlannedSession p : planned) {
            Session.Publication pub = Session.create(p.id(), editionId, p.data(), now).publish(now);
            if (!store.exists(p.id())) {
                store.insert(pub.session(), pub.event());
            }
            entries.add(new Release.Entry(p.id(), "SessionScheduled", 1, List.of(), p.data().title().in("en")));
        }
        releases.save(new Release(editionId + "-r1", editionId, 1, "Seed: " + seed.edition().name().in("en"),
                "seed", now, entries));
        seedTeam(editionId);
        Edition edition = editions.save(SeedPlan.edition(seed, days, planned, now));
        programme.editionsChanged();
        log.info("Seed: loaded edition {} ({} to {}, shifted by {} days) with {} sessions published", editionId,
                edition.startDate(), edition.endDate(), days, planned.size());
    }

    /** The configured first team, when the edition's team is empty (so an ADMIN's later changes stay). */
    private void seedTeam(String editionId) {
        if (props.team().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        var team = teams.seed(editionId, props.team().stream()
                .map(m -> new TeamMember(m.subject(), m.name() == null ? m.subject() : m.name(), m.email(), "seed",
                        now))
                .toList());
        log.info("Seed: team of edition {} is version {} with {} members", editionId, team.version(),
                team.members().size());
    }

    private SeedFile read() throws IOException {
        try (InputStream in = resources.getResource(props.file()).getInputStream()) {
            return json.readValue(in, SeedFile.class);
        }
    }
}
