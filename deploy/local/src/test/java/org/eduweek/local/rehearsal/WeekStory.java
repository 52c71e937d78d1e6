package org.eduweek.local.rehearsal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The ground truth the rehearsal keeps while it runs the week: every registration with the times the registration
 * service gave it, and the messages each fact implies for each participant (per channel, in their language). At the
 * end it adds the reminders that fell due. Nothing here is read back from the platform.
 */
public final class WeekStory {

    /** A message someone should have received; {@link #label} is what the mailbox's classification must produce. */
    public record Expected(Person person, Channel channel, Kind kind, Session session, Duration lead, String language) {

        public String label() {
            return Mailbox.label(channel, kind, lead, session.code, language);
        }
    }

    final List<Person> people;
    final List<Session> sessions;
    final List<Registration> registrations = new ArrayList<>();
    private final List<Expected> expected = new ArrayList<>();

    public WeekStory(List<Person> people, List<Session> sessions) {
        this.people = people;
        this.sessions = sessions;
    }

    public List<Person> people() {
        return people;
    }

    public List<Session> sessions() {
        return sessions;
    }

    public List<Registration> registrations() {
        return registrations;
    }

    public Session session(String code) {
        return sessions.stream().filter(s -> s.code.equals(code)).findFirst().orElseThrow();
    }

    public List<Registration> of(Session session) {
        return registrations.stream().filter(r -> r.session == session).toList();
    }

    public List<Registration> confirmed(Session session) {
        return of(session).stream().filter(Registration::confirmed).toList();
    }

    /** The waitlist of one seat mode, first come first served. */
    public List<Registration> waitlist(Session session, String seatMode) {
        return of(session).stream().filter(r -> r.waitlisted() && r.seatMode.equals(seatMode))
                .sorted(Comparator.comparing(r -> r.queuedAs)).toList();
    }

    // ---- facts, each with the messages it implies ----

    public void registered(Registration r, String id, String status, Integer position, Instant createdAt) {
        r.id = id;
        r.status = status;
        r.createdAt = createdAt;
        if (r.confirmed()) {
            r.confirmedAt = createdAt;
            expect(r, Kind.CONFIRMED, createdAt);
        } else {
            r.queuedAs = position;
            expect(r, Kind.WAITLISTED, createdAt);
        }
        registrations.add(r);
    }

    /** A participant or an organizer cancelled; returns who the waitlist promotes into the freed seat. */
    public Registration cancelled(Registration r, Instant at) {
        boolean hadSeat = r.confirmed();
        r.status = "CANCELLED";
        r.cancelledAt = at;
        expect(r, Kind.CANCELLED, at);
        if (!hadSeat) {
            return null;
        }
        List<Registration> waiting = waitlist(r.session, r.seatMode);
        if (waiting.isEmpty()) {
            return null;
        }
        Registration next = waiting.get(0);
        next.status = "CONFIRMED";
        next.confirmedAt = at;
        expect(next, Kind.PROMOTED, at);
        return next;
    }

    /** The registration service's own time of a promotion (the reminders it plans count from it). */
    public void promotedAt(Registration r, Instant at) {
        r.confirmedAt = at;
    }

    /** The organizers move a session in the draft; it becomes public with the release at {@code releasedAt}. */
    public void move(Session session, Duration later, Instant releasedAt) {
        session.moveTo(session.start().plus(later), session.end().plus(later), releasedAt);
    }

    public void reroute(Session session, String room) {
        session.room = room;
    }

    /** A release changed the time or the room: everyone still registered or waiting hears of it. */
    public void changed(Session session, Instant at) {
        of(session).stream().filter(Registration::active).forEach(r -> expect(r, Kind.SESSION_CHANGED, at));
    }

    public void cancelled(Session session, Instant at) {
        session.cancelledAt = at;
        for (Registration r : of(session)) {
            if (r.active()) {
                expect(r, Kind.SESSION_CANCELLED, at);
                r.status = "CANCELLED";
                r.cancelledAt = at;
            }
        }
    }

    public void announced(Session session, Set<Channel> channels, Instant at) {
        for (Registration r : of(session)) {
            if (r.active()) {
                for (Channel c : channels) {
                    add(r, c, Kind.ANNOUNCEMENT, null, at);
                }
            }
        }
    }

    public void checkedIn(Registration r) {
        r.checkedIn = true;
    }

    private void expect(Registration r, Kind kind, Instant at) {
        for (Channel c : NotificationRules.CHANNELS.get(kind)) {
            add(r, c, kind, null, at);
        }
    }

    private void add(Registration r, Channel channel, Kind kind, Duration lead, Instant at) {
        if (!r.person.reachableBy(channel)) {
            return; // skipped by the service: switched off, or no consent or phone
        }
        if (channel == Channel.SMS && NotificationRules.smsDeferred(r.session, at)) {
            return; // waits for the end of quiet hours, hours after the rehearsal
        }
        expected.add(new Expected(r.person, channel, kind, r.session, lead, r.person.messageLanguage()));
    }

    // ---- reminders ----

    /**
     * The reminders sent by {@code now}. A plan is made when a seat is confirmed (or when the session moves, for
     * confirmed seats), only for reminders due at or after that moment; it is dropped when the registration or the
     * session is cancelled, or the session moves, before it falls due.
     */
    public List<Expected> reminders(Instant now) {
        List<Expected> reminders = new ArrayList<>();
        for (Registration r : registrations) {
            if (r.confirmedAt == null) {
                continue;
            }
            for (Channel channel : Channel.values()) {
                reminder(r, channel, now).ifPresent(reminders::add);
            }
        }
        return reminders;
    }

    private java.util.Optional<Expected> reminder(Registration r, Channel channel, Instant now) {
        if (!r.person.reachableBy(channel)) {
            return java.util.Optional.empty();
        }
        Duration lead = NotificationRules.REMINDER_LEAD.get(channel);
        List<Session.Timing> timings = r.session.timings;
        for (int i = 0; i < timings.size(); i++) {
            Session.Timing timing = timings.get(i);
            Instant until = i + 1 < timings.size() ? timings.get(i + 1).since() : Instant.MAX;
            Instant planned = later(r.confirmedAt, timing.since());
            if (!planned.isBefore(until) || r.cancelledAt != null && !r.cancelledAt.isAfter(planned)
                    || r.session.cancelledAt != null && !r.session.cancelledAt.isAfter(planned)) {
                continue;
            }
            Instant due = timing.start().minus(lead);
            Instant stop = earliest(until, r.cancelledAt, r.session.cancelledAt);
            unambiguous(r, "planned", due, planned);
            unambiguous(r, "stopped", due, stop);
            if (due.isBefore(planned) || !due.isBefore(stop)) {
                continue;
            }
            unambiguous(r, "checked", due, now);
            if (due.isAfter(now) || channel == Channel.SMS && NotificationRules.smsDeferred(r.session, due)) {
                continue;
            }
            return java.util.Optional.of(new Expected(r.person, channel, Kind.REMINDER, r.session, lead,
                    r.person.messageLanguage()));
        }
        return java.util.Optional.empty();
    }

    /** The rehearsal keeps every decision well away from a reminder's due time, so the answer cannot be a race. */
    private static void unambiguous(Registration r, String what, Instant due, Instant moment) {
        if (moment != Instant.MAX && Duration.between(due, moment).abs().compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalStateException("The reminder of " + r + " falls due at " + due + ", too close to when it "
                    + "was " + what + " (" + moment + ") to say what the service must do: the rehearsal ran late");
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant... instants) {
        Instant min = Instant.MAX;
        for (Instant i : instants) {
            if (i != null && i.isBefore(min)) {
                min = i;
            }
        }
        return min;
    }

    // ---- what to compare ----

    /** Every message expected by {@code now}, per participant: sorted labels (a multiset). */
    public Map<Person, List<String>> expectedMessages(Instant now) {
        Map<Person, List<String>> byPerson = new LinkedHashMap<>();
        people.forEach(p -> byPerson.put(p, new ArrayList<>()));
        List<Expected> all = new ArrayList<>(expected);
        all.addAll(reminders(now));
        all.forEach(e -> byPerson.get(e.person).add(e.label()));
        byPerson.values().forEach(l -> l.sort(null));
        return byPerson;
    }

    /** Sent messages per session and channel, as analytics counts them. */
    public Map<Session, Map<String, Long>> sentPerSession(Instant now) {
        List<Expected> all = new ArrayList<>(expected);
        all.addAll(reminders(now));
        Map<Session, Map<String, Long>> sent = new LinkedHashMap<>();
        sessions.forEach(s -> sent.put(s, new TreeMap<>()));
        all.forEach(e -> sent.get(e.session).merge(e.channel.name(), 1L, Long::sum));
        return sent;
    }

    public int expectedCount(Instant now) {
        return expected.size() + reminders(now).size();
    }

    public Map<Kind, Long> expectedByKind(Instant now) {
        List<Expected> all = new ArrayList<>(expected);
        all.addAll(reminders(now));
        return all.stream().collect(Collectors.groupingBy(Expected::kind, TreeMap::new, Collectors.counting()));
    }
}
