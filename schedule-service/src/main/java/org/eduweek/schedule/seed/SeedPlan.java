package org.eduweek.schedule.seed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eduweek.schedule.domain.FieldProblem;
import org.eduweek.schedule.domain.Activity;
import org.eduweek.schedule.domain.Capacity;
import org.eduweek.schedule.domain.Edition;
import org.eduweek.schedule.domain.Mode;
import org.eduweek.schedule.domain.SessionData;
import org.eduweek.schedule.domain.SessionInput;
import org.eduweek.schedule.domain.SessionRules;
import org.eduweek.schedule.domain.Venue;
import org.eduweek.schedule.domain.VenueRef;

/**
 * Turns the seed file into the edition and sessions to store, applying the demo re-base, and checks every session
 * against the same rules an organizer's request meets (a bad seed fails the start, loudly).
 */
public final class SeedPlan {

    public record PlannedSession(String id, SessionData data) {
    }

    private SeedPlan() {
    }

    /** Whole days that move the first session's day to tomorrow (edition zone), or 0 without re-basing. */
    static long rebaseDays(SeedFile seed, boolean rebase, Instant now) {
        if (!rebase) {
            return 0;
        }
        ZoneId zone = ZoneId.of(seed.edition().timeZone());
        LocalDate first = seed.sessions().stream().map(s -> s.start().atZoneSameInstant(zone).toLocalDate())
                .min(LocalDate::compareTo).orElse(seed.edition().startDate());
        return ChronoUnit.DAYS.between(first, now.atZone(zone).toLocalDate().plusDays(1));
    }

    public static Edition edition(SeedFile seed, long days, List<PlannedSession> sessions, Instant now) {
        Edition e = seed.edition();
        ZoneId zone = ZoneId.of(e.timeZone());
        LocalDate start = e.startDate().plusDays(days);
        LocalDate earliest = sessions.stream().map(s -> s.data().start().atZone(zone).toLocalDate())
                .min(LocalDate::compareTo).orElse(start);
        return new Edition(e.id(), e.name(), e.description(), e.hostInstitution(),
                earliest.isBefore(start) ? earliest : start, e.endDate().plusDays(days), e.timeZone(), e.campuses(),
                e.sampleData(), now);
    }

    public static List<PlannedSession> sessions(SeedFile seed, long days, boolean demoSoon, Duration soon,
            Instant now) {
        Edition edition = seed.edition();
        Map<String, Activity> activities = seed.activities().stream()
                .collect(Collectors.toMap(Activity::id, Function.identity()));
        Map<String, Venue> venues = seed.venues().stream().collect(Collectors.toMap(Venue::id, Function.identity()));
        List<PlannedSession> planned = new ArrayList<>();
        for (SeedFile.SessionSeed s : seed.sessions()) {
            SessionInput input = new SessionInput(edition.id(), s.activityId(), null, s.title(), s.description(),
                    s.start(), s.end(), edition.timeZone(), s.mode(), s.capacity(), s.capacityInPerson(),
                    s.capacityOnline(), s.venueId(), null, s.joinLink(), s.audience(), s.level(), s.language(),
                    s.speakerIds(), s.institutionIds());
            List<FieldProblem> problems = new ArrayList<>(SessionRules.validate(input, edition));
            Activity activity = activities.get(s.activityId());
            Venue venue = s.venueId() == null ? null : venues.get(s.venueId());
            if (activity == null || s.venueId() != null && venue == null) {
                problems.add(new FieldProblem("activityId/venueId", "unknown in the seed file"));
            }
            Capacity capacity = s.mode() == Mode.HYBRID ? new Capacity(s.capacityInPerson(), s.capacityOnline())
                    : Capacity.of(s.mode(), s.capacity() == null ? 0 : s.capacity());
            problems.addAll(SessionRules.fitsRoom(capacity, venue));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Seed session " + s.id() + " breaks the rules: " + problems);
            }
            VenueRef ref = s.mode().inPerson() ? venue.ref() : null;
            SessionData data = new SessionData(activity.id(), activity.trackId(), s.title(), s.description(),
                    s.start().toInstant(), s.end().toInstant(), edition.timeZone(), s.mode(), ref,
                    s.mode().online() ? s.joinLink() : null, capacity, s.audience(), s.level(), s.language(),
                    s.speakerIds(), s.institutionIds(), false, null).shift(Duration.ofDays(days));
            if (demoSoon && s.id().equals(seed.demoSoonSessionId())) {
                data = data.shift(Duration.between(data.start(), soonStart(now, soon)));
            }
            planned.add(new PlannedSession(s.id(), data));
        }
        checkRooms(planned, venues);
        return planned;
    }

    /** now + soon, rounded up to the next 5 minutes: a time a person would announce. */
    static Instant soonStart(Instant now, Duration soon) {
        long fiveMinutes = 300;
        long at = now.plus(soon).getEpochSecond();
        return Instant.ofEpochSecond((at + fiveMinutes - 1) / fiveMinutes * fiveMinutes);
    }

    private static void checkRooms(List<PlannedSession> planned, Map<String, Venue> venues) {
        List<org.eduweek.schedule.domain.Session> all = planned.stream()
                .map(p -> org.eduweek.schedule.domain.Session.create(p.id(), null, p.data(), Instant.EPOCH)).toList();
        for (PlannedSession p : planned) {
            Venue v = p.data().venue() == null ? null : venues.get(p.data().venue().venueId());
            List<FieldProblem> clashes = SessionRules.roomClashes(p.id(), p.data(), v, all);
            if (!clashes.isEmpty()) {
                throw new IllegalStateException("Seed session " + p.id() + " clashes: " + clashes);
            }
        }
    }
}
