package org.eduweek.schedule.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.eduweek.platform.outbox.OutboxMessage;
import org.eduweek.platform.outbox.OutboxRelay;
import org.eduweek.schedule.domain.ScheduleRuleException;
import org.eduweek.schedule.domain.Session;
import org.eduweek.schedule.domain.SessionEvent;
import org.eduweek.schedule.messaging.ScheduleEventMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.result.UpdateResult;

/**
 * Writes sessions together with the events their publication caused: the state change and its outbox messages go
 * into ONE document in ONE write (the embedded store has no multi-document transactions), then the relay is
 * signalled. Updates are conditional on {@code version}, so two organizers editing at once cannot lose a change,
 * and they never rewrite the outbox array (the relay may be pulling from it at the same moment).
 */
@Component
public class SessionStore {

    public static final String COLLECTION = "sessions";

    private final MongoTemplate mongo;
    private final ScheduleEventMapper mapper;
    private final ObjectProvider<OutboxRelay> relay;
    private final AtomicLong generation = new AtomicLong();

    public SessionStore(MongoTemplate mongo, ScheduleEventMapper mapper, ObjectProvider<OutboxRelay> relay) {
        this.mongo = mongo;
        this.mapper = mapper;
        this.relay = relay;
    }

    public Optional<Session> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Session.class, COLLECTION));
    }

    public List<Session> inEdition(String editionId) {
        return mongo.find(Query.query(Criteria.where("editionId").is(editionId)), Session.class, COLLECTION);
    }

    /** Sessions whose draft overlaps [start, end); with {@code speakerIds}, only those booking one of them. */
    public List<Session> overlapping(Instant start, Instant end, List<String> speakerIds) {
        Criteria c = Criteria.where("draft.start").lt(end).and("draft.end").gt(start);
        if (speakerIds != null) {
            c = c.and("draft.speakerIds").in(speakerIds);
        }
        return mongo.find(Query.query(c), Session.class, COLLECTION);
    }

    /** Every published session, without its draft and outbox (what the public programme needs). */
    public List<Session> published() {
        Query query = Query.query(Criteria.where("published").ne(null));
        query.fields().exclude("draft").exclude("outbox");
        return mongo.find(query, Session.class, COLLECTION);
    }

    /** How many sessions have {@code value} at {@code field} (a reference still in use). */
    public long countWith(String field, String value) {
        return mongo.count(Query.query(Criteria.where(field).is(value)), COLLECTION);
    }

    public boolean exists(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    /** Bumped on every write here, so read models in this process know when to reload. */
    public long generation() {
        return generation.get();
    }

    public Session insert(Session session, Optional<SessionEvent> event) {
        Document doc = new Document();
        mongo.getConverter().write(session, doc);
        doc.put(OutboxMessage.FIELD, event.map(e -> List.of(outbox(e))).orElse(List.of()));
        mongo.getCollection(COLLECTION).insertOne(doc);
        written(session, event);
        return session;
    }

    /** Replaces the session's state if nobody changed it since it was read, appending the event to its outbox. */
    public Session update(Session session, Optional<SessionEvent> event) {
        Document doc = new Document();
        mongo.getConverter().write(session, doc);
        Update update = new Update();
        doc.forEach((key, value) -> {
            if (!"_id".equals(key) && !"version".equals(key)) {
                update.set(key, value);
            }
        });
        update.set("version", session.version() + 1);
        event.ifPresent(e -> update.push(OutboxMessage.FIELD).each(outbox(e)));
        UpdateResult result = mongo.updateFirst(Query.query(Criteria.where("_id").is(session.id())
                .and("version").is(session.version())), update, COLLECTION);
        if (result.getMatchedCount() == 0) {
            throw new ScheduleRuleException(ScheduleRuleException.Kind.CONCURRENT_CHANGE, "Session " + session.id()
                    + " was changed by someone else; reload it and apply your change again");
        }
        Session saved = new Session(session.id(), session.editionId(), session.draft(), session.published(),
                session.sequence(), session.version() + 1, session.createdAt(), session.updatedAt());
        written(saved, event);
        return saved;
    }

    public void delete(Session session) {
        mongo.remove(Query.query(Criteria.where("_id").is(session.id()).and("version").is(session.version())),
                COLLECTION);
        generation.incrementAndGet();
    }

    private void written(Session session, Optional<SessionEvent> event) {
        generation.incrementAndGet();
        if (event.isPresent()) {
            relay.ifAvailable(r -> r.signal(COLLECTION, session.id()));
        }
    }

    private Document outbox(SessionEvent event) {
        return mapper.toOutbox(event).toDocument();
    }
}
