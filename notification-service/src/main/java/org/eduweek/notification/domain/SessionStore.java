package org.eduweek.notification.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
public class SessionStore {

    private final MongoTemplate mongo;

    public SessionStore(MongoTemplate mongo) {
        this.mongo = mongo;
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
            return Optional.of(new Applied(before));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    /** @param before the replica this change replaced, null for a session seen for the first time */
    public record Applied(SessionReplica before) {
    }

    public Optional<SessionReplica> find(String sessionId) {
        return Optional.ofNullable(mongo.findById(sessionId, SessionReplica.class));
    }

    public List<SessionReplica> byActivity(String activityId) {
        return mongo.find(Query.query(Criteria.where("activityId").is(activityId)), SessionReplica.class);
    }

    public List<SessionReplica> byEdition(String editionId) {
        return mongo.find(Query.query(Criteria.where("editionId").is(editionId)), SessionReplica.class);
    }
}
