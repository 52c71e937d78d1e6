package org.eduweek.registration.store;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.eduweek.registration.domain.SeatMode;
import org.eduweek.registration.domain.Session;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

/**
 * One small counter document per session and seat mode ({@code seat_counters}): {@code capacity}, {@code free}
 * seats, the waitlist number dispenser {@code waitSeq}, the number of people {@code waiting}, and a
 * {@code version} bumped by every movement.
 * Taking a seat is ONE conditional {@code findAndModify} ({@code free > 0} then {@code $inc free -1}), so two
 * requests on any number of instances can never both get the last seat. The document never grows (a
 * growing array in a hot document is slow). The registrations are the truth; this counter is a fast, atomic gate
 * that {@link org.eduweek.registration.domain.SeatReconciler} recomputes from them after a crash between the two
 * steps.
 */
@Component
public class SeatLedger {

    public static final String COLLECTION = "seat_counters";
    /** Taking a seat only needs to know whether it matched. */
    private static final FindOneAndUpdateOptions ID_ONLY = new FindOneAndUpdateOptions()
            .projection(new Document("_id", 1));

    private final MongoTemplate mongo;
    private final Clock clock;

    public SeatLedger(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public static String counterId(String sessionId, SeatMode mode) {
        return sessionId + "|" + mode.name();
    }

    /**
     * Takes one seat for a NEW registration if one is free and nobody is waiting (a freed seat belongs to the
     * waitlist, so newcomers cannot jump the queue); the single atomic step that prevents overbooking.
     */
    public boolean take(String sessionId, SeatMode mode) {
        return counters().findOneAndUpdate(and(eq("_id", counterId(sessionId, mode)), gt("free", 0),
                or(lte("waiting", 0), exists("waiting", false))),
                combine(inc("free", -1), inc("version", 1L), set("updatedAt", now())), ID_ONLY) != null;
    }

    /** Takes one seat for the waitlist's benefit (promotion): only {@code free > 0} matters. */
    public boolean takeForWaitlist(String sessionId, SeatMode mode) {
        return counters().findOneAndUpdate(and(eq("_id", counterId(sessionId, mode)), gt("free", 0)),
                combine(inc("free", -1), inc("version", 1L), set("updatedAt", now())), ID_ONLY) != null;
    }

    /** Gives a seat back (a cancellation nobody was waiting for, or a registration that could not be stored). */
    public void release(String sessionId, SeatMode mode) {
        counters().updateOne(eq("_id", counterId(sessionId, mode)),
                combine(inc("free", 1), inc("version", 1L), set("updatedAt", now())));
    }

    /** A place on the waitlist: its number (the order) and the position it had when it was given out. */
    public record WaitTicket(long number, int position) {
    }

    /**
     * Hands out the next waitlist number and counts one more person waiting, in one atomic step.
     *
     * @return empty when the session has no counter for this mode yet
     */
    public Optional<WaitTicket> joinWaitlist(String sessionId, SeatMode mode) {
        // the BEFORE image, plus one: mongo-java-server hands back its live document for AFTER, which a concurrent
        // $inc can change before it is serialized (duplicate numbers were observed); BEFORE is a copy
        Document before = counters().findOneAndUpdate(eq("_id", counterId(sessionId, mode)),
                combine(inc("waitSeq", 1L), inc("waiting", 1L), inc("version", 1L), set("updatedAt", now())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            return Optional.empty();
        }
        SeatCounter c = SeatCounter.of(before);
        return Optional.of(new WaitTicket(c.waitSeq() + 1, (int) Math.max(0, c.waiting()) + 1));
    }

    /** One person left the waitlist (promoted, cancelled, or their registration could not be stored). */
    public void leaveWaitlist(String sessionId, SeatMode mode) {
        counters().updateOne(eq("_id", counterId(sessionId, mode)),
                combine(inc("waiting", -1L), inc("version", 1L), set("updatedAt", now())));
    }

    public SeatCounter find(String sessionId, SeatMode mode) {
        Document d = counters().find(eq("_id", counterId(sessionId, mode))).first();
        return d == null ? null : SeatCounter.of(d);
    }

    public List<SeatCounter> all() {
        return counters().find().map(SeatCounter::of).into(new java.util.ArrayList<>());
    }

    /**
     * Brings the counters in line with the session's capacity for this {@code sequence}, once per sequence:
     * a capacity change moves {@code free} by the difference, by compare-and-set on {@code version}. A decrease
     * below the confirmed count makes {@code free} negative: nobody is bumped, and freed seats refill only once
     * the confirmed count is back under the new capacity.
     *
     * @return true when some mode gained free seats (the waitlist may move)
     */
    public boolean sync(Session session) {
        boolean grew = false;
        for (SeatMode mode : SeatMode.values()) {
            grew |= syncMode(session, mode);
        }
        return grew;
    }

    private boolean syncMode(Session session, SeatMode mode) {
        int capacity = session.capacity(mode);
        String id = counterId(session.id(), mode);
        for (int attempt = 0; attempt < 50; attempt++) {
            Document existing = counters().find(eq("_id", id)).first();
            if (existing == null) {
                try {
                    counters().insertOne(new Document("_id", id).append("sessionId", session.id())
                            .append("seatMode", mode.name()).append("capacity", capacity).append("free", capacity)
                            .append("waitSeq", 0L).append("waiting", 0L).append("version", 0L).append("verifiedVersion", 0L)
                            .append("capacitySequence", session.sequence()).append("updatedAt", now()));
                    return capacity > 0;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue;
                }
            }
            SeatCounter counter = SeatCounter.of(existing);
            if (counter.capacitySequence() >= session.sequence()) {
                return false;
            }
            int delta = capacity - counter.capacity();
            long changed = counters().updateOne(and(eq("_id", id), eq("version", counter.version())),
                    combine(set("capacity", capacity), set("capacitySequence", session.sequence()),
                            inc("free", delta), inc("version", 1L), set("updatedAt", now()))).getModifiedCount();
            if (changed == 1) {
                return delta > 0;
            }
        }
        throw new IllegalStateException("Seat counter " + id + " kept changing; the next delivery retries");
    }

    /**
     * The reconciler's repair: sets {@code free} and {@code waiting} from the registrations, only if nothing moved
     * since the counter was read ({@code version} unchanged).
     */
    public boolean repair(SeatCounter counter, long confirmed, long waiting) {
        long free = counter.capacity() - confirmed;
        return counters().updateOne(and(eq("_id", counter.id()), eq("version", counter.version())),
                combine(set("free", (int) free), set("waiting", waiting), inc("version", 1L),
                        set("verifiedVersion", counter.version() + 1), set("updatedAt", now()))).getModifiedCount() == 1;
    }

    /** Marks a counter as checked at this version, so the reconciler does not recount it until it moves. */
    public void markVerified(SeatCounter counter) {
        counters().updateOne(and(eq("_id", counter.id()), eq("version", counter.version())),
                set("verifiedVersion", counter.version()));
    }

    private Date now() {
        return Date.from(clock.instant());
    }

    private MongoCollection<Document> counters() {
        return mongo.getCollection(COLLECTION);
    }
}
