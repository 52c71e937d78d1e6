package org.eduweek.schedule.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.eduweek.schedule.domain.FieldProblem;
import org.eduweek.schedule.domain.ScheduleRuleException;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

/**
 * Makes "check the room is free, then write the session" one step per room: two organizers booking the same room
 * at the same time (on any number of instances) are served one after the other, so the second one sees the first
 * one's session and gets the 409. The lock is one small document per room key taken by a conditional upsert (one
 * atomic write; the embedded MongoDB has no transactions) with a lease: a crash while holding it delays that room's
 * next booking by at most {@link #LEASE}, it never blocks it for good.
 */
@Component
public class RoomLocks {

    static final String COLLECTION = "room_locks";
    static final Duration LEASE = Duration.ofSeconds(15);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final long PAUSE_MILLIS = 10;

    private final MongoTemplate mongo;
    private final Clock clock;

    public RoomLocks(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Runs {@code action} holding the room's lock; a null key (online session, no room) needs none. */
    public <T> T withRoom(String roomKey, Supplier<T> action) {
        if (roomKey == null) {
            return action.get();
        }
        String holder = UUID.randomUUID().toString();
        acquire(roomKey, holder);
        try {
            return action.get();
        } finally {
            locks().updateOne(and(eq("_id", roomKey), eq("holder", holder)),
                    combine(set("holder", null), set("until", new Date(0))));
        }
    }

    private void acquire(String roomKey, String holder) {
        // the room's lock document exists from the first booking on (an upsert on _id alone never collides)
        locks().updateOne(eq("_id", roomKey), setOnInsert("until", new Date(0)), new UpdateOptions().upsert(true));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Date now = Date.from(clock.instant());
            // takes a free or expired lock; null while another request holds it
            if (locks().findOneAndUpdate(and(eq("_id", roomKey), lt("until", now)),
                    combine(set("holder", holder), set("until", Date.from(now.toInstant().plus(LEASE))))) != null) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ScheduleRuleException(ScheduleRuleException.Kind.ROOM_BEING_BOOKED,
                        "Another request is booking this room right now; retry in a moment",
                        List.of(new FieldProblem("venue", "is being booked by another request")));
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the room lock", e);
            }
        }
    }

    private MongoCollection<Document> locks() {
        return mongo.getCollection(COLLECTION);
    }
}
