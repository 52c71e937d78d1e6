package org.eduweek.schedule.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eduweek.schedule.domain.ScheduleRuleException.Kind;
import org.eduweek.schedule.store.RoomLocks;
import org.eduweek.schedule.store.SessionStore;
import org.springframework.stereotype.Service;

/**
 * Organizer commands on sessions. Every command first gathers its context, runs {@link SessionRules}, and only then
 * writes once (state + outbox in one document), so a refused request leaves nothing behind.
 */
@Service
public class SessionService {

    private final SessionStore store;
    private final SessionContext context;
    private final RoomLocks rooms;
    private final Clock clock;

    public SessionService(SessionStore store, SessionContext context, RoomLocks rooms, Clock clock) {
        this.store = store;
        this.context = context;
        this.rooms = rooms;
        this.clock = clock;
    }

    /** The session as written, plus warnings the organizer should see (speaker double-booking). */
    public record Result(Session session, List<FieldProblem> warnings) {
    }

    /**
     * The edition a new session with this input would belong to (the one named, else its activity's, else the one
     * whose dates cover its start), checking the input on the way (400 as create would answer).
     */
    public String editionOf(SessionInput input) {
        return context.resolve(input).editionId();
    }

    public Result create(SessionInput input, boolean publish) {
        SessionContext.Resolved r = context.resolve(input);
        return rooms.withRoom(roomKey(r.data()), () -> create(r, publish));
    }

    private Result create(SessionContext.Resolved r, boolean publish) {
        String id = "ses-" + UUID.randomUUID().toString().substring(0, 13).replace("-", "");
        List<FieldProblem> warnings = check(id, r);
        Instant now = clock.instant();
        Session session = Session.create(id, r.editionId(), r.data(), now);
        Optional<SessionEvent> event = Optional.empty();
        if (publish) {
            Session.Publication p = session.publish(now);
            session = p.session();
            event = p.event();
        }
        return new Result(store.insert(session, event), warnings);
    }

    public Result update(String id, SessionInput input, boolean publish) {
        Session current = load(id);
        if (input.editionId() != null && !input.editionId().equals(current.editionId())) {
            throw ScheduleRuleException.invalidField("editionId", "a session cannot move to another edition");
        }
        SessionInput scoped = withEdition(input, current.editionId());
        SessionContext.Resolved r = context.resolve(scoped);
        SessionData next = current.draft().cancelled() ? r.data().cancel(current.draft().cancelReason()) : r.data();
        return rooms.withRoom(roomKey(next), () -> {
            Session latest = load(id);
            List<FieldProblem> warnings = check(id,
                    new SessionContext.Resolved(r.editionId(), r.edition(), r.venue(), next));
            return new Result(write(latest.edit(next, clock.instant()), publish), warnings);
        });
    }

    public Session cancel(String id, String reason, boolean publish) {
        Session current = load(id);
        if (current.draft().cancelled() && !publish) {
            return current;
        }
        return write(current.edit(current.draft().cancel(reason), clock.instant()), publish);
    }

    /** Undoes a cancellation in the draft; the room must still be free. */
    public Result restore(String id, boolean publish) {
        Session current = load(id);
        SessionData restored = current.draft().restore();
        Venue venue = restored.venue() == null || restored.venue().venueId() == null ? null
                : context.venue(restored.venue().venueId());
        return rooms.withRoom(roomKey(restored), () -> {
            List<FieldProblem> warnings = check(id,
                    new SessionContext.Resolved(current.editionId(), null, venue, restored));
            return new Result(write(load(id).edit(restored, clock.instant()), publish), warnings);
        });
    }

    /** Publishes one session's draft now (the foundation's one-call path uses the same step). */
    public Session publishNow(String id) {
        return write(load(id), true);
    }

    /** Only a never-published session may disappear; a public one is cancelled so registrants are told. */
    public void delete(String id) {
        Session current = load(id);
        if (current.published() != null) {
            throw new ScheduleRuleException(Kind.PUBLISHED, "Session " + id
                    + " has been published; cancel it instead so registrants are told",
                    List.of(new FieldProblem("id", "is published")));
        }
        store.delete(current);
    }

    public Session load(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("Session", id));
    }

    private Session write(Session session, boolean publish) {
        if (!publish) {
            return store.update(session, Optional.empty());
        }
        Session.Publication p = session.publish(clock.instant());
        return store.update(p.session(), p.event());
    }

    private List<FieldProblem> check(String id, SessionContext.Resolved r) {
        SessionData d = r.data();
        List<FieldProblem> problems = new ArrayList<>();
        if (d.mode().inPerson()) {
            problems.addAll(SessionRules.fitsRoom(d.capacity(), r.venue()));
        }
        if (!problems.isEmpty()) {
            throw new ScheduleRuleException(Kind.INVALID_INPUT, problems.get(0).message(), problems);
        }
        // only an in-person session can clash in a room; skip the query for online ones (most creates in bulk)
        List<FieldProblem> clashes = d.mode().inPerson() && d.venue() != null && !d.cancelled()
                ? SessionRules.roomClashes(id, d, r.venue(), overlapping(d, null)) : List.of();
        if (!clashes.isEmpty()) {
            throw new ScheduleRuleException(Kind.ROOM_BOOKED, "The room is already booked at that time", clashes);
        }
        return d.speakerIds().isEmpty() ? List.of()
                : SessionRules.speakerWarnings(id, d, overlapping(d, d.speakerIds()));
    }

    /** The room whose bookings this draft competes for; none for an online, cancelled or room-less session. */
    private static String roomKey(SessionData d) {
        return d.mode().inPerson() && d.venue() != null && !d.cancelled() ? d.venue().key() : null;
    }

    private List<Session> overlapping(SessionData d, List<String> speakers) {
        return store.overlapping(d.start(), d.end(), speakers);
    }

    private static SessionInput withEdition(SessionInput in, String editionId) {
        return new SessionInput(editionId, in.activityId(), in.trackId(), in.title(), in.description(), in.start(),
                in.end(), in.timeZone(), in.mode(), in.capacity(), in.capacityInPerson(), in.capacityOnline(),
                in.venueId(), in.venue(), in.joinLink(), in.audience(), in.level(), in.language(), in.speakerIds(),
                in.institutionIds());
    }
}
