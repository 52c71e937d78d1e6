package org.eduweek.notification.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import org.eduweek.notification.domain.ReplicaCache;
import org.eduweek.notification.domain.SessionReplica;

@Component
public class SessionStore {

    private final MongoTemplate mongo;
    /** Sessions change rarely and are read for every message: cached, the highest sequence wins. */
    private final ReplicaCache<SessionReplica> cache;

    public SessionStore(MongoTemplate mongo, @Value("${eduweek.notification.cache.ttl:PT5S}") Duration ttl,
            @Value("${eduweek.notification.cache.max-entries:50000}") long maxEntries) {
        this.mongo = mongo;
        this.cache = new ReplicaCache<>(ttl, maxEntries, (loaded, cached) -> loaded.sequence() > cached.sequence());
    }

    /**
     * Applies the session's state if its sequence is higher than the stored one (equal sequence = replay).
     *
     * @return empty when the event was stale or a replay; otherwise what was stored before (null if unknown)
     */
    public Optional<Applied> upsertIfNewer(SessionReplica s) {
        Query q = Query.query(new Criteria().andOperator(Criteria.where("_id").is(s.sessionId()),
                Criteria.where("sequence").lt(s.sequence())));
        Update u = new Update().set("editionId", s.editionId()).set("activityId", s.activityId())
                .set("titleEn", s.titleEn()).set("titleZh", s.titleZh()).set("start", s.start()).set("end", s.end())
                .set("timeZone", s.timeZone()).set("mode", s.mode()).set("venue", s.venue())
                .set("joinLink", s.joinLink()).set("status", s.status()).set("sequence", s.sequence());
        try {
            SessionReplica before = mongo.findAndModify(q, u,
                    FindAndModifyOptions.options().upsert(true).returnNew(false), SessionReplica.class);
            // every field was set: the stored document is now exactly s
            cache.put(s.sessionId(), s);
            return Optional.of(new Applied(before));
        } catch (DuplicateKeyException e) {
            cache.invalidate(s.sessionId());
            return Optional.empty();
        }
    }

    /** @param before the replica this change replaced, null for a session seen for the first time */
    public record Applied(SessionReplica before) {
    }

    public Optional<SessionReplica> find(String sessionId) {
        return Optional.ofNullable(cache.get(sessionId, id -> mongo.findById(id, SessionReplica.class)));
    }

    /**
     * The session at least at this sequence if stored (a message or event was made from it, so an older copy is
     * stale): the cached copy when it is that new, else the stored one.
     */
    public Optional<SessionReplica> find(String sessionId, long minSequence) {
        SessionReplica cached = cache.getIfPresent(sessionId);
        if (cached != null && cached.sequence() >= minSequence) {
            return Optional.of(cached);
        }
        return Optional.ofNullable(cache.loaded(sessionId, mongo.findById(sessionId, SessionReplica.class)));
    }

    /** The stored session, read from the database (and refreshing the cache). */
    public Optional<SessionReplica> stored(String sessionId) {
        return Optional.ofNullable(cache.loaded(sessionId, mongo.findById(sessionId, SessionReplica.class)));
    }

    public List<SessionReplica> byActivity(String activityId) {
        return mongo.find(Query.query(Criteria.where("activityId").is(activityId)), SessionReplica.class);
    }

    public List<SessionReplica> byEdition(String editionId) {
        return mongo.find(Query.query(Criteria.where("editionId").is(editionId)), SessionReplica.class);
    }
}
