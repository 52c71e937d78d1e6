package org.eduweek.notification.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import org.eduweek.notification.domain.Announcement;

/** The announcements collection: each announcement as sent, listed newest first. */
@Component
public class AnnouncementStore {

    private static final int LIST_LIMIT = 200;

    private final MongoTemplate mongo;

    public AnnouncementStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Announcement insert(Announcement announcement) {
        return mongo.insert(announcement);
    }

    /** The newest announcements of one session, else of one activity, else of all (both ids null). */
    public List<Announcement> newest(String sessionId, String activityId) {
        Query q = new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(LIST_LIMIT);
        if (sessionId != null) {
            q.addCriteria(where("sessionId").is(sessionId));
        } else if (activityId != null) {
            q.addCriteria(where("activityId").is(activityId));
        }
        return mongo.find(q, Announcement.class);
    }
}
