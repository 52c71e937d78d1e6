package org.eduweek.notification.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import org.eduweek.notification.domain.Channel;
import org.eduweek.notification.domain.Notification;
import org.eduweek.notification.domain.NotificationState;
import org.eduweek.notification.domain.OutcomeEvents;
import org.eduweek.platform.outbox.OutboxRelay;

/**
 * The delivery state machine. Every transition is one atomic compare-and-set on the document's {@code token}
 * (id#version): it matches only if nothing changed since the caller read or claimed it, and it replaces the token.
 * That single-field match is also what keeps the embedded mongo-java-server fast: it serves a unique key from its
 * index directly.
 */
@Component
public class NotificationStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NotificationStore.class);

    public static final String COLLECTION = "notifications";
    public static final String WAITING = "notification_waiting";

    private final MongoTemplate mongo;
    private final OutcomeEvents outcomes;
    private final OutboxRelay relay;

    public NotificationStore(MongoTemplate mongo, OutcomeEvents outcomes, OutboxRelay relay) {
        this.mongo = mongo;
        this.outcomes = outcomes;
        this.relay = relay;
    }

    /** @return false when a message with this dedupe key exists already (a redelivered event, a restart) */
    public boolean insertIfAbsent(Notification n) {
        try {
            mongo.insert(n);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Inserts several new messages in one write (unordered: one existing dedupe key does not stop the others).
     *
     * @return the ones inserted; the others existed already under their dedupe key
     */
    public List<Notification> insertAll(List<Notification> messages) {
        if (messages.size() < 2) {
            return messages.isEmpty() || insertIfAbsent(messages.get(0)) ? messages : List.of();
        }
        List<Document> docs = new ArrayList<>(messages.size());
        for (Notification n : messages) {
            Document d = new Document();
            mongo.getConverter().write(n, d);
            docs.add(d);
        }
        try {
            mongo.getCollection(COLLECTION).insertMany(docs, new InsertManyOptions().ordered(false));
            return messages;
        } catch (MongoBulkWriteException e) {
            Set<Integer> existing = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != 11000) {
                    throw e;
                }
                existing.add(error.getIndex());
            }
            List<Notification> inserted = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                if (!existing.contains(i)) {
                    inserted.add(messages.get(i));
                }
            }
            return inserted;
        }
    }

    /** Like insert, but a plan dropped earlier under the same key comes back (offsets changed back, say). */
    public boolean planReminder(Notification n) {
        if (insertIfAbsent(n)) {
            return true;
        }
        Notification existing = byKey(n.dedupeKey()).orElse(null);
        return existing != null && existing.state() == NotificationState.DROPPED
                && apply(existing.replanned(n.dueAt()));
    }

    /** Ids of messages of this channel that are due now (oldest first), for {@link #tryClaim}. One scan. */
    public List<String> dueCandidates(Channel channel, Instant now, int limit) {
        Criteria due = new Criteria().orOperator(
                where("state").is(NotificationState.PLANNED).and("dueAt").lte(now),
                where("state").is(NotificationState.SENDING).and("leaseUntil").lt(now));
        Query q = Query.query(new Criteria().andOperator(where("channel").is(channel), due))
                .with(Sort.by("dueAt")).limit(limit);
        q.fields().include("_id");
        List<String> ids = new ArrayList<>();
        mongo.find(q, Document.class, COLLECTION).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /**
     * Takes this message if it is due (see {@link Notification#isDueAt}). Of several instances trying at once
     * exactly one wins the compare-and-set.
     */
    public Optional<Notification> tryClaim(String id, String owner, Instant now, Duration lease) {
        Notification n = mongo.findById(id, Notification.class);
        return n == null ? Optional.empty() : claim(n, owner, now, lease);
    }

    /**
     * Claims this copy of a message if it is due: one compare-and-set on its token, no read. The claimed message is
     * the copy with the claim applied (the token proves nothing else changed), so no document is read back either
     * (a findAndModify returning the new document would also hand out mongo-java-server's live copy).
     * Empty when the copy is outdated or another sender was faster.
     */
    public Optional<Notification> claim(Notification n, String owner, Instant now, Duration lease) {
        return n.claim(owner, now, lease).filter(this::apply).map(Notification.Transition::after);
    }

    /** The next due message of this channel, claimed; empty when none is due. */
    public Optional<Notification> claimNext(Channel channel, String owner, Instant now, Duration lease) {
        for (String id : dueCandidates(channel, now, 16)) {
            Optional<Notification> claimed = tryClaim(id, owner, now, lease);
            if (claimed.isPresent()) {
                return claimed;
            }
        }
        return Optional.empty();
    }

    /** Sent: the outcome and its {@code NotificationSent} event in one write. @return false if the claim was lost */
    public boolean markSent(Notification claimed, String providerMessageId, String language, String subject,
            Instant now) {
        return apply(claimed.sent(providerMessageId, language, subject, now));
    }

    public boolean markFailed(Notification claimed, String error, Instant now) {
        return apply(claimed.failed(error, now));
    }

    /** A transient provider error: back to PLANNED for a later attempt. */
    public boolean retryLater(Notification claimed, String error, Instant dueAt) {
        return apply(claimed.retryLater(error, dueAt));
    }

    /** Not an attempt (quiet hours): back to PLANNED at a later time. */
    public boolean defer(Notification claimed, Instant dueAt, String reason) {
        return apply(claimed.deferred(dueAt, reason));
    }

    /** Ends without a provider call (SKIPPED, MISSED, DROPPED). */
    public boolean settle(Notification claimed, NotificationState state, String reason) {
        return apply(claimed.settled(state, reason));
    }

    /**
     * Parks a message until its contact or session is known. The marker goes in first: a crash between the two
     * leaves a marker without a parked message (harmless), never a parked message nobody will release.
     */
    public boolean park(Notification claimed, String reason) {
        Notification.Transition parked = claimed.settled(NotificationState.WAITING, reason);
        mongo.save(new Document("_id", claimed.id()).append("participantId", claimed.participantId())
                .append("sessionId", claimed.sessionId()), WAITING);
        return apply(parked);
    }

    /**
     * The contact or session parked messages waited for has arrived. @return the released messages
     * <p>
     * A marker whose message is still SENDING stays: its sender is between writing the marker and settling the
     * message as WAITING (see {@link #park}), and its own re-check after parking needs the marker to release it.
     * Removing it here lost messages for good (two messages of one participant parked at once: the first one's
     * release took the second one's marker, and the second one then stayed WAITING).
     */
    public List<Notification> releaseWaiting(String field, String value) {
        List<Notification> released = new ArrayList<>();
        for (Document marker : mongo.find(Query.query(where(field).is(value)), Document.class, WAITING)) {
            Notification n = mongo.findById(marker.getString("_id"), Notification.class);
            if (n != null && n.state() == NotificationState.SENDING) {
                continue;
            }
            if (n != null && n.state() == NotificationState.WAITING) {
                Notification.Transition release = n.released();
                if (apply(release)) {
                    released.add(release.after());
                }
            }
            mongo.remove(Query.query(where("_id").is(marker.getString("_id"))), WAITING);
        }
        return released;
    }

    /** Drops a message not yet sent; one being sent re-checks registration and session before it sends. */
    public void dropIfOpen(String dedupeKey, String reason) {
        for (int tries = 0; tries < 3; tries++) {
            Notification n = byKey(dedupeKey).orElse(null);
            if (n == null || n.state() != NotificationState.PLANNED && n.state() != NotificationState.WAITING) {
                return;
            }
            if (apply(n.dropped(reason))) {
                return;
            }
        }
    }

    /**
     * Writes a transition as one compare-and-set on the token of the copy it started from: the fields it changed
     * (a field it cleared is unset), the next version and token, and its event pushed onto the outbox.
     */
    private boolean apply(Notification.Transition t) {
        Notification before = t.before();
        Notification after = t.after();
        Update u = new Update();
        for (LifecycleField f : LIFECYCLE) {
            Object was = f.value(before);
            Object now = f.value(after);
            if (!java.util.Objects.equals(was, now)) {
                if (now == null) {
                    u.unset(f.name());
                } else {
                    u.set(f.name(), now);
                }
            }
        }
        u.set("version", after.version()).set("token", after.token());
        t.event().ifPresent(e -> u.push("outbox", outcomes.toOutbox(e)));
        boolean applied = mongo.updateFirst(Query.query(where("token").is(before.token())), u, Notification.class)
                .getModifiedCount() > 0;
        if (applied && t.event().isPresent()) {
            relay.signal(COLLECTION, before.id());
        }
        if (!applied && log.isDebugEnabled()) {
            Notification stored = mongo.findById(before.id(), Notification.class);
            log.debug("Transition of {} lost: expected {}, found {} in {}", before.dedupeKey(), before.token(),
                    stored == null ? null : stored.token(), stored == null ? null : stored.state());
        }
        return applied;
    }

    /** The fields a transition may change, as stored. */
    private record LifecycleField(String name, java.util.function.Function<Notification, Object> value) {
        Object value(Notification n) {
            return value.apply(n);
        }
    }

    private static final List<LifecycleField> LIFECYCLE = List.of(
            new LifecycleField("state", Notification::state),
            new LifecycleField("dueAt", Notification::dueAt),
            new LifecycleField("sentAt", Notification::sentAt),
            new LifecycleField("attempts", Notification::attempts),
            new LifecycleField("claims", Notification::claims),
            new LifecycleField("owner", Notification::owner),
            new LifecycleField("leaseUntil", Notification::leaseUntil),
            new LifecycleField("lastError", Notification::lastError),
            new LifecycleField("providerMessageId", Notification::providerMessageId),
            new LifecycleField("language", Notification::language),
            new LifecycleField("subject", Notification::subject));

    public List<Notification> forParticipant(String participantId, int page, int size) {
        Query q = Query.query(where("participantId").is(participantId))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).skip((long) page * size).limit(size);
        q.fields().exclude("outbox");
        return mongo.find(q, Notification.class);
    }

    public Optional<Notification> byKey(String dedupeKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("dedupeKey").is(dedupeKey)), Notification.class));
    }
}
