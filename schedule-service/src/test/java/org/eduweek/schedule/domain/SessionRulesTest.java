package org.eduweek.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class SessionRulesTest {

    static final Edition WEEK = new Edition("iew", Bilingual.english("Week"), null, "BJUT", LocalDate.of(2020, 10, 19),
            LocalDate.of(2020, 10, 31), "Asia/Shanghai", List.of("Pingyuan"), false, Instant.EPOCH);
    static final VenueRef ROOM = new VenueRef(null, "Pingyuan", "Library", "A101");

    static SessionInput input(String start, String end, String zone, Mode mode, Integer capacity, VenueRef venue,
            String link) {
        return new SessionInput(null, null, null, Bilingual.english("Talk"), null,
                start == null ? null : OffsetDateTime.parse(start), end == null ? null : OffsetDateTime.parse(end),
                zone, mode, capacity, null, null, null, venue, link, List.of(), null, "en", List.of(), List.of());
    }

    static SessionInput offline(String start, String end) {
        return input(start, end, "Asia/Shanghai", Mode.OFFLINE, 50, ROOM, null);
    }

    static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    @Test
    void acceptsAValidOfflineSession() {
        assertThat(SessionRules.validate(offline("2020-10-19T09:00+08:00", "2020-10-19T10:00+08:00"), WEEK)).isEmpty();
    }

    @Test
    void rejectsEndBeforeOrAtStart() {
        assertThat(fields(SessionRules.validate(offline("2020-10-19T10:00+08:00", "2020-10-19T09:00+08:00"), null)))
                .containsExactly("end");
        assertThat(fields(SessionRules.validate(offline("2020-10-19T10:00+08:00", "2020-10-19T10:00+08:00"), null)))
                .containsExactly("end");
    }

    @Test
    void namesEveryMissingField() {
        SessionInput empty = new SessionInput(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, List.of(), null, null, List.of(), List.of());
        assertThat(fields(SessionRules.validate(empty, null))).containsExactly("title", "start", "end", "timeZone",
                "mode");
    }

    @Test
    void rejectsAnUnknownTimeZoneAndAcceptsTheEditionsWhenNoneIsGiven() {
        assertThat(fields(SessionRules.validate(input("2020-10-19T09:00+08:00", "2020-10-19T10:00+08:00",
                "Mars/Olympus", Mode.OFFLINE, 5, ROOM, null), null))).containsExactly("timeZone");
        assertThat(SessionRules.validate(input("2020-10-19T09:00+08:00", "2020-10-19T10:00+08:00", null,
                Mode.OFFLINE, 5, ROOM, null), WEEK)).isEmpty();
    }

    @Test
    void requiresAJoinLinkOnlineAndAVenueOffline() {
        assertThat(fields(SessionRules.validate(input("2020-10-19T09:00+08:00", "2020-10-19T10:00+08:00",
                "Asia/Shanghai", Mode.ONLINE, 5, null, null), null))).containsExactly("joinLink");
        assertThat(fields(SessionRules.validate(input("2020-10-19T09:00+08:00", "2020-10-19T10:00+08:00",
                "Asia/Shanghai", Mode.ONLINE, 5, null, "ftp://x"), null))).containsExactly("joinLink");
        assertThat(fields(SessionRules.validate(input("2020-10-19T09:00+08:00", "2020-10-19T10:00+08:00",
                "Asia/Shanghai", Mode.OFFLINE, 5, null, null), null))).containsExactly("venue");
        assertThat(fields(SessionRules.validate(input("2020-10-19T09:00+08:00", "2020-10-19T10:00+08:00",
                "Asia/Shanghai", Mode.HYBRID, null, null, null), null)))
                .containsExactly("capacityInPerson", "capacityOnline", "joinLink", "venue");
    }

    @Test
    void rejectsCapacityBelowOne() {
        assertThat(fields(SessionRules.validate(input("2020-10-19T09:00+08:00", "2020-10-19T10:00+08:00",
                "Asia/Shanghai", Mode.OFFLINE, 0, ROOM, null), null))).containsExactly("capacity");
    }

    @Test
    void keepsSessionsInsideTheEditionsDatesInItsZone() {
        assertThat(fields(SessionRules.validate(offline("2020-10-18T23:30+08:00", "2020-10-19T00:30+08:00"), WEEK)))
                .containsExactly("start");
        assertThat(fields(SessionRules.validate(offline("2020-10-31T23:00+08:00", "2020-11-01T00:30+08:00"), WEEK)))
                .containsExactly("end");
        // 31 Oct 16:30 UTC is 1 Nov 00:30 in Shanghai: outside, although the UTC date is inside
        assertThat(fields(SessionRules.validate(offline("2020-10-31T15:00Z", "2020-10-31T16:30Z"), WEEK)))
                .containsExactly("end");
        assertThat(SessionRules.validate(offline("2020-10-31T22:00+08:00", "2020-11-01T00:00+08:00"), WEEK)).isEmpty();
    }

    @Test
    void aRoomBoundsTheInPersonCapacity() {
        Venue room = new Venue("v", "Pingyuan", "Library", "A101", 40, false, false);
        assertThat(SessionRules.fitsRoom(new Capacity(40, 0), room)).isEmpty();
        assertThat(fields(SessionRules.fitsRoom(new Capacity(41, 0), room))).containsExactly("capacity");
        assertThat(SessionRules.fitsRoom(new Capacity(41, 500), new Venue("v", "P", "L", "R", null, false, false)))
                .isEmpty();
    }

    @Test
    void twoSessionsInOneRoomMayNotOverlapUnlessItIsASharedSpace() {
        Session booked = session("s1", "2020-10-19T01:00:00Z", "2020-10-19T02:00:00Z", ROOM, List.of());
        SessionData overlapping = session("s2", "2020-10-19T01:30:00Z", "2020-10-19T02:30:00Z",
                new VenueRef(null, "pingyuan ", "LIBRARY", "a101"), List.of()).draft();
        SessionData after = session("s3", "2020-10-19T02:00:00Z", "2020-10-19T03:00:00Z", ROOM, List.of()).draft();

        assertThat(fields(SessionRules.roomClashes("s2", overlapping, null, List.of(booked)))).containsExactly("venue");
        assertThat(SessionRules.roomClashes("s3", after, null, List.of(booked))).as("back to back is fine").isEmpty();
        assertThat(SessionRules.roomClashes("s1", booked.draft(), null, List.of(booked))).as("itself").isEmpty();
        Venue hall = new Venue("v", "Pingyuan", "Library", "A101", 500, true, false);
        assertThat(SessionRules.roomClashes("s2", overlapping, hall, List.of(booked))).isEmpty();
        Session cancelled = booked.edit(booked.draft().cancel("x"), Instant.EPOCH);
        assertThat(SessionRules.roomClashes("s2", overlapping, null, List.of(cancelled))).isEmpty();
    }

    @Test
    void aSpeakerBookedTwiceAtOnceIsAWarning() {
        Session other = session("s1", "2020-10-19T01:00:00Z", "2020-10-19T02:00:00Z", null, List.of("spk-1"));
        SessionData mine = session("s2", "2020-10-19T01:30:00Z", "2020-10-19T02:30:00Z", null,
                List.of("spk-1", "spk-2")).draft();
        SessionData later = session("s3", "2020-10-19T03:00:00Z", "2020-10-19T04:00:00Z", null, List.of("spk-1")).draft();

        assertThat(SessionRules.speakerWarnings("s2", mine, List.of(other))).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("spk-1", "s1"));
        assertThat(SessionRules.speakerWarnings("s3", later, List.of(other))).isEmpty();
    }

    static Session session(String id, String start, String end, VenueRef venue, List<String> speakers) {
        Mode mode = venue == null ? Mode.ONLINE : Mode.OFFLINE;
        SessionData d = new SessionData(null, null, Bilingual.english(id), null, Instant.parse(start),
                Instant.parse(end), "Asia/Shanghai", mode, venue, venue == null ? "https://x.example/j" : null,
                Capacity.of(mode, 10), List.of(), null, "en", speakers, List.of(), false, null);
        return Session.create(id, "iew", d, Instant.EPOCH);
    }
}
