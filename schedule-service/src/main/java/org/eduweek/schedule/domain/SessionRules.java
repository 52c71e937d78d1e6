package org.eduweek.schedule.domain;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;


/**
 * The programme's rules as pure functions, so each one is unit-tested without a database. The service gathers the
 * context (edition, room, sessions in the same room or with the same speakers) and calls these before any write:
 * bad input is refused before anything is stored or published.
 */
public final class SessionRules {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    private SessionRules() {
    }

    /** Rules that need nothing but the request; every problem is reported at once. */
    public static List<FieldProblem> validate(SessionInput in, Edition edition) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.title() == null || in.title().blank()) {
            problems.add(new FieldProblem("title", "is required (a string, or {\"en\":…,\"zh\":…})"));
        }
        TextLimits.title(problems, "title", in.title());
        TextLimits.description(problems, "description", in.description());
        required(problems, "start", in.start());
        required(problems, "end", in.end());
        if (in.start() != null && in.end() != null && !in.end().isAfter(in.start())) {
            problems.add(new FieldProblem("end", "must be after start"));
        }
        if (in.timeZone() == null && edition == null) {
            problems.add(new FieldProblem("timeZone", "is required (an IANA zone such as Asia/Shanghai)"));
        } else if (in.timeZone() != null && !knownZone(in.timeZone())) {
            problems.add(new FieldProblem("timeZone", "is not a known IANA time zone"));
        }
        if (in.mode() == null) {
            problems.add(new FieldProblem("mode", "is required (ONLINE, OFFLINE or HYBRID)"));
            return problems;
        }
        capacity(in, problems);
        if (in.mode().online()) {
            if (in.joinLink() == null || in.joinLink().isBlank()) {
                problems.add(new FieldProblem("joinLink", "is required for an " + in.mode() + " session"));
            } else if (!httpUrl(in.joinLink())) {
                problems.add(new FieldProblem("joinLink", "must be an http(s) URL"));
            }
        }
        if (in.mode().inPerson() && in.venueId() == null
                && (in.venue() == null || blank(in.venue().venueId()) && blank(in.venue().room()))) {
            problems.add(new FieldProblem("venue", "is required for an " + in.mode() + " session (a room or venueId)"));
        }
        if (in.language() != null && !LANGUAGE.matcher(in.language()).matches()) {
            problems.add(new FieldProblem("language", "must be a language code such as en or zh"));
        }
        if (edition != null && in.start() != null && in.end() != null
                && !edition.covers(in.start().toInstant(), in.end().toInstant())) {
            String dates = "must be inside the edition's dates " + edition.startDate() + " to " + edition.endDate()
                    + " (" + edition.timeZone() + ")";
            if (in.start().toInstant().isBefore(edition.opens()) || !in.start().toInstant().isBefore(edition.closes())) {
                problems.add(new FieldProblem("start", dates));
            }
            if (in.end().toInstant().isAfter(edition.closes())) {
                problems.add(new FieldProblem("end", dates));
            }
        }
        return problems;
    }

    /** The seats a registered room can hold bound the in-person capacity. */
    public static List<FieldProblem> fitsRoom(Capacity capacity, Venue venue) {
        if (venue == null || venue.capacity() == null || capacity.inPerson() <= venue.capacity()) {
            return List.of();
        }
        return List.of(new FieldProblem("capacity", "in-person capacity " + capacity.inPerson()
                + " exceeds the " + venue.capacity() + " seats of " + venue.ref().label()));
    }

    /** Two live sessions in one room may not overlap, unless the room is a shared space (fair hall, exhibition). */
    public static List<FieldProblem> roomClashes(String selfId, SessionData data, Venue venue, List<Session> sameRoom) {
        if (data.cancelled() || data.venue() == null || !data.mode().inPerson()
                || venue != null && venue.sharedSpace()) {
            return List.of();
        }
        return sameRoom.stream()
                .filter(o -> !o.id().equals(selfId) && !o.draft().cancelled() && o.draft().mode().inPerson()
                        && o.draft().venue() != null && o.draft().venue().key().equals(data.venue().key())
                        && data.overlaps(o.draft().start(), o.draft().end()))
                .map(o -> new FieldProblem("venue", data.venue().label() + " is already booked by session "
                        + o.id() + " from " + o.draft().start() + " to " + o.draft().end()))
                .toList();
    }

    /** A speaker booked twice at once is worth a warning, not a refusal (a recorded talk, a co-host). */
    public static List<FieldProblem> speakerWarnings(String selfId, SessionData data, List<Session> others) {
        if (data.cancelled()) {
            return List.of();
        }
        List<FieldProblem> warnings = new ArrayList<>();
        for (Session o : others) {
            if (o.id().equals(selfId) || o.draft().cancelled() || !data.overlaps(o.draft().start(), o.draft().end())) {
                continue;
            }
            o.draft().speakerIds().stream().filter(data.speakerIds()::contains).forEach(sp -> warnings.add(
                    new FieldProblem("speakerIds", "speaker " + sp + " is also booked in session " + o.id()
                            + " from " + o.draft().start() + " to " + o.draft().end())));
        }
        return warnings;
    }

    static void capacity(SessionInput in, List<FieldProblem> problems) {
        if (in.mode() == Mode.HYBRID) {
            atLeastOne(problems, "capacityInPerson", in.capacityInPerson(), "for a HYBRID session");
            atLeastOne(problems, "capacityOnline", in.capacityOnline(), "for a HYBRID session");
        } else {
            atLeastOne(problems, "capacity", in.capacity(), "");
        }
    }

    private static void atLeastOne(List<FieldProblem> problems, String field, Integer value, String when) {
        if (value == null) {
            problems.add(new FieldProblem(field, ("is required " + when).strip()));
        } else if (value < 1) {
            problems.add(new FieldProblem(field, "must be at least 1"));
        }
    }

    private static void required(List<FieldProblem> problems, String field, Object value) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required"));
        }
    }

    static boolean knownZone(String zone) {
        try {
            ZoneId id = ZoneId.of(zone);
            return id.getId().contains("/") || "UTC".equals(id.getId());
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean httpUrl(String s) {
        try {
            URI uri = URI.create(s.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
