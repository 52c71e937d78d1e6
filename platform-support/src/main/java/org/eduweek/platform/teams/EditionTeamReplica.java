package org.eduweek.platform.teams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A service's copy of every edition's team, fed by {@code schedule.edition-teams.v1}: one document per edition
 * ({@code _id} = editionId) replaced only by a higher {@code version}. The replace is conditional on the stored
 * version being lower, so a redelivered or older record changes nothing, and two instances applying at once cannot
 * go backwards (the loser of an upsert race hits the unique {@code _id} and is dropped as stale).
 */
public class EditionTeamReplica implements EditionTeams {

    public static final String COLLECTION = "edition_teams";

    private final MongoTemplate mongo;

    public EditionTeamReplica(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return true when this team replaced what was stored; false for an older or equal version */
    public boolean apply(EditionTeam team) {
        if (team.editionId() == null || team.editionId().isBlank()) {
            throw new IllegalArgumentException("A team without editionId");
        }
        Document doc = new Document("_id", team.editionId()).append("version", team.version())
                .append("members", team.members().stream().map(EditionTeamReplica::member).toList())
                .append("updatedAt", date(team.updatedAt()));
        try {
            var result = collection().replaceOne(
                    Filters.and(Filters.eq("_id", team.editionId()), Filters.lt("version", team.version())), doc,
                    new ReplaceOptions().upsert(true));
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            if (e.getError().getCode() == 11000) {
                return false;
            }
            throw e;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<EditionTeam> find(String editionId) {
        Document d = collection().find(Filters.eq("_id", editionId)).first();
        return Optional.ofNullable(d).map(EditionTeamReplica::team);
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    private static Document member(TeamMember m) {
        return new Document("subject", m.subject()).append("name", m.name()).append("email", m.email())
                .append("addedBy", m.addedBy()).append("addedAt", date(m.addedAt()));
    }

    static EditionTeam team(Document d) {
        List<TeamMember> members = new ArrayList<>();
        for (Document m : d.getList("members", Document.class, List.of())) {
            members.add(new TeamMember(m.getString("subject"), m.getString("name"), m.getString("email"),
                    m.getString("addedBy"), instant(m.getDate("addedAt"))));
        }
        Number version = d.get("version", Number.class);
        return new EditionTeam(d.getString("_id"), version == null ? 0 : version.longValue(), members,
                instant(d.getDate("updatedAt")));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
