package org.eduweek.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eduweek.analytics.events.Demand;
import org.eduweek.analytics.events.EditionSummary;
import org.eduweek.analytics.events.SessionStats;
import org.eduweek.analytics.messaging.EventTranslator;
import org.eduweek.analytics.support.Samples;
import org.eduweek.analytics.support.Scenario;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The scripted scenario applied straight to the projection (no broker, no database). */
class ProjectionTest {

    private static final Instant BEFORE = Instant.parse("2020-10-20T00:00:00Z");
    private static final Instant AFTER_A_ENDED = Instant.parse("2020-10-21T05:00:00Z");
    private final EventTranslator translator = new EventTranslator(JsonMapper.builder().build(),
            new Pseudonyms("secret"));
    private final Scenario scenario = new Scenario("t");

    @Test
    void scenarioGivesTheExpectedSessionFigures() {
        FigureCalculator c = new FigureCalculator(project(scenario.events()), BEFORE);
        assertThat(c.sessionStats(scenario.sessionA)).usingRecursiveComparison().ignoringFields("updatedAt")
                .isEqualTo(new SessionStats(scenario.sessionA, scenario.edition, scenario.activityA, scenario.track1,
                        Map.of("en", "International Education Fair", "zh", "国际教育展"),
                        Instant.parse("2020-10-21T01:00:00Z"), Instant.parse("2020-10-21T04:00:00Z"), "Asia/Shanghai",
                        "OFFLINE", "Pingyuan", "PUBLISHED", new org.eduweek.analytics.events.Capacity(4, 0), 4, 0, 2,
                        2, 0, 1.0, 0, 0.5, new Demand(false, 0.0), null));
        SessionStats b = c.sessionStats(scenario.sessionB);
        assertThat(List.of(b.confirmed(), b.waitlisted(), b.cancelled(), b.checkedIn())).containsExactly(2L, 0L, 1L, 1L);
        assertThat(b.fillRate()).isEqualTo(0.2);
        SessionStats sc = c.sessionStats(scenario.sessionC);
        assertThat(List.of(sc.confirmed(), sc.waitlisted(), sc.waitlistLength())).containsExactly(2L, 2L, 2L);
        // two waiting for two seats: it needs a bigger room or another session
        assertThat(sc.demand()).isEqualTo(new Demand(true, 1.0));
        assertThat(c.figures(Scope.SESSION, scenario.sessionC).notificationsFailed()).isEqualTo(Map.of("SMS", 1L));
    }

    @Test
    void scenarioGivesTheExpectedEditionTrackAndNoShows() {
        FigureCalculator c = new FigureCalculator(project(scenario.events()), AFTER_A_ENDED);
        EditionSummary e = c.editionSummary(scenario.edition);
        assertThat(e).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(new EditionSummary(
                scenario.edition, 3, 8, 2, 3, 3, 2, 0.5, 0.375, Map.of("EMAIL", 6L, "SMS", 2L), Map.of("SMS", 1L),
                1, null));
        Figures track = c.figures(Scope.TRACK, scenario.track1);
        assertThat(List.of(track.confirmed(), track.cancelled(), track.checkedIn(), track.capacity()))
                .containsExactly(6L, 3L, 3L, 14L);
        assertThat(track.fillRate()).isEqualTo(0.4286);
        assertThat(c.sessionStats(scenario.sessionA).noShows()).isEqualTo(2);
        assertThat(new FigureCalculator(project(scenario.events()), BEFORE).sessionStats(scenario.sessionA)
                .noShows()).isZero();
    }

    @Test
    void breakdownsHideGroupsOfFewerThanThreePeopleAndTheNamesOfSmallGroupsOfPeople() {
        FigureCalculator c = new FigureCalculator(project(scenario.events()), BEFORE);
        var rows = c.breakdowns(c.sessionIds(Scope.EDITION, scenario.edition), 3);
        // the small groups (one external scholar, one teacher, ...) are counted together, none of them named
        assertThat(rows.get("audience")).extracting(BreakdownRow::group, BreakdownRow::participants,
                BreakdownRow::confirmed, BreakdownRow::checkedIn, BreakdownRow::display).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("STUDENT", 4L, 5L, 1L, "4"),
                        org.assertj.core.groups.Tuple.tuple(Breakdowns.OTHER, 3L, 3L, 2L, "3"));
        for (String personal : List.of("audience", "country", "affiliation")) {
            assertThat(rows.get(personal)).as(personal).allSatisfy(row -> assertThat(
                    row.group().equals(Breakdowns.OTHER) || row.participants() != null && row.participants() >= 3)
                    .isTrue());
        }
        assertThat(rows.get("country")).extracting(BreakdownRow::group, BreakdownRow::display)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DE", "4"),
                        org.assertj.core.groups.Tuple.tuple("CN", "3"));
        assertThat(rows.get("campus")).extracting(BreakdownRow::group, BreakdownRow::display)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Pingyuan", "4"),
                        org.assertj.core.groups.Tuple.tuple("Tongzhou", "4"),
                        org.assertj.core.groups.Tuple.tuple("ONLINE", "<3"));
    }

    @Test
    void sessionsWithoutAnEditionAreSummedAsTheUnassignedEdition() {
        Projection p = project(scenario.events());
        assertThat(new FigureCalculator(p, BEFORE).editions()).doesNotContain(EditionSummary.UNASSIGNED);
        p.drainDirty();
        String orphan = Samples.schedule("SessionScheduled").replace("\"iew-2020\"", "null")
                .replace("\"ses-fair-2020\"", "\"ses-orphan\"");
        p.commit(translator.schedule("SessionScheduled", orphan));
        RegistrationState r = p.next(translator.registration("RegistrationCreated",
                Samples.registration("RegistrationCreated").replace("\"ses-fair-2020\"", "\"ses-orphan\"")
                        .replace("\"iew-2020\"", "null")));
        p.commit(r);
        assertThat(p.drainDirty().editions()).containsExactly(EditionSummary.UNASSIGNED);
        FigureCalculator c = new FigureCalculator(p, BEFORE);
        assertThat(c.editions()).contains(EditionSummary.UNASSIGNED, scenario.edition);
        EditionSummary unassigned = c.editionSummary(EditionSummary.UNASSIGNED);
        assertThat(List.of(unassigned.sessions(), unassigned.confirmed() + unassigned.waitlisted()))
                .containsExactly(1L, 1L);
        assertThat(c.sessionStats("ses-orphan").editionId()).isNull();
        assertThat(c.sessionStats("ses-orphan").title()).containsEntry("zh", "国际教育展");

        // the schedule assigns it an edition: both summaries change, and the unassigned one is empty
        p.commit(translator.schedule("SessionChanged", orphan.replace("\"sequence\": 1", "\"sequence\": 2")
                .replace("\"editionId\": null", "\"editionId\": \"" + scenario.edition + "\"")));
        assertThat(p.drainDirty().editions()).containsExactlyInAnyOrder(EditionSummary.UNASSIGNED, scenario.edition);
        c = new FigureCalculator(p, BEFORE);
        assertThat(c.editions()).doesNotContain(EditionSummary.UNASSIGNED);
        assertThat(c.editionSummary(EditionSummary.UNASSIGNED).sessions()).isZero();
        assertThat(c.editionSummary(scenario.edition).sessions()).isEqualTo(4);
    }

    @Test
    void aWaitlistOverAFifthOfTheCapacityNeedsMoreRoom() {
        assertThat(Demand.of(20, 100, false)).isEqualTo(new Demand(false, 0.2));
        assertThat(Demand.of(21, 100, false)).isEqualTo(new Demand(true, 0.21));
        assertThat(Demand.of(0, 100, false)).isEqualTo(new Demand(false, 0.0));
        assertThat(Demand.of(1, 0, false)).isEqualTo(new Demand(true, 0.0));
        assertThat(Demand.of(50, 100, true).needsMoreRoom()).isFalse();
    }

    @Test
    void breakdownsByDayAndTrackCarryWaitlistNoShowsAndFillRate() {
        FigureCalculator c = new FigureCalculator(project(scenario.events()), AFTER_A_ENDED);
        var rows = c.breakdowns(c.sessionIds(Scope.EDITION, scenario.edition), 3);
        BreakdownRow firstDay = rows.get("day").stream().filter(r -> r.group().equals("2020-10-21")).findFirst()
                .orElseThrow();
        assertThat(List.of(firstDay.confirmed(), firstDay.waitlisted(), firstDay.checkedIn(), firstDay.noShows(),
                firstDay.capacity())).containsExactly(4L, 0L, 2L, 2L, 4L);
        assertThat(firstDay.fillRate()).isEqualTo(1.0);
        assertThat(rows.get("day")).extracting(BreakdownRow::group)
                .containsExactlyInAnyOrder("2020-10-21", "2020-10-22", "2020-10-23");
        BreakdownRow track1 = rows.get("track").stream().filter(r -> r.group().equals(scenario.track1)).findFirst()
                .orElseThrow();
        assertThat(List.of(track1.confirmed(), track1.checkedIn(), track1.noShows(), track1.capacity()))
                .containsExactly(6L, 3L, 2L, 14L);
        assertThat(track1.fillRate()).isEqualTo(0.4286);
        // groups of fewer than three people show no figures, not even the capacity
        assertThat(rows.get("track")).filteredOn(r -> r.participants() == null)
                .allSatisfy(r -> assertThat(r.capacity()).isNull());
        // the dimensions that describe people carry no capacity
        assertThat(rows.get("audience")).allSatisfy(r -> assertThat(r.capacity()).isNull());
    }

    @Test
    void registrationsOverTimeInTheEditionZone() {
        FigureCalculator c = new FigureCalculator(project(scenario.events()), BEFORE);
        var sessions = c.sessionIds(Scope.EDITION, scenario.edition);
        ZoneId zone = c.zoneOf(sessions);
        assertThat(zone).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(c.timeSeries(sessions, TimeSeries.Interval.DAY, zone)).containsExactly(
                new TimeSeries.Bucket("2020-10-16T00:00:00+08:00", 13, 0),
                new TimeSeries.Bucket("2020-10-17T00:00:00+08:00", 0, 3));
        assertThat(c.timeSeries(sessions, TimeSeries.Interval.HOUR, ZoneId.of("UTC")))
                .extracting(TimeSeries.Bucket::registrations).containsExactly(3L, 3L, 3L, 3L, 1L, 0L);
    }

    @Test
    void anyArrivalOrderWithDuplicatesGivesTheSameFigures() {
        Map<String, Object> expected = everything(project(scenario.events()));
        for (int seed = 0; seed < 20; seed++) {
            List<Scenario.Event> shuffled = new ArrayList<>(scenario.events());
            shuffled.addAll(scenario.events());
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(everything(project(shuffled))).as("seed " + seed).isEqualTo(expected);
        }
    }

    private Map<String, Object> everything(Projection p) {
        FigureCalculator c = new FigureCalculator(p, AFTER_A_ENDED);
        Map<String, Object> all = new java.util.TreeMap<>();
        for (Scope scope : Scope.values()) {
            for (String id : c.ids(scope)) {
                all.put(scope + ":" + id, c.figures(scope, id));
                all.put(scope + ":" + id + ":breakdowns", c.breakdowns(c.sessionIds(scope, id), 3));
                all.put(scope + ":" + id + ":series", c.timeSeries(c.sessionIds(scope, id), TimeSeries.Interval.HOUR,
                        ZoneId.of("UTC")));
            }
        }
        return all;
    }

    private Projection project(List<Scenario.Event> events) {
        Projection p = new Projection();
        for (Scenario.Event e : events) {
            switch (e.topic()) {
                case "registration.events.v1" -> {
                    RegistrationState next = p.next(translator.registration(e.type(), e.json()));
                    if (next != null) {
                        p.commit(next);
                    }
                }
                case "schedule.events.v1" -> {
                    SessionInfo info = translator.schedule(e.type(), e.json());
                    if (p.accepts(info)) {
                        p.commit(info);
                    }
                }
                default -> {
                    NotificationOutcome n = translator.notification(e.type(), e.json());
                    if (p.accepts(n)) {
                        p.commit(n);
                    }
                }
            }
        }
        return p;
    }
}
