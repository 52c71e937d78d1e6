package org.eduweek.schedule.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.eduweek.platform.outbox.OutboxMessage;
import org.eduweek.platform.outbox.OutboxRelay;
import org.eduweek.platform.teams.EditionTeam;
import org.eduweek.platform.teams.EditionTeams;
import org.eduweek.platform.teams.TeamMember;

import tools.jackson.databind.json.JsonMapper;

/**
 * The teams, one document per edition ({@code _id} = editionId) in {@code edition_teams}: members, a version that
 * only grows, and the pending {@code EditionTeamChanged} records in the document's {@code outbox}, written in the same
 * update as the members (the embedded store has no transactions). platform-support's relay publishes them on
 * {@code schedule.edition-teams.v1}. A write applies only if the version is still the one read, so two organizers
 * changing one team at once cannot lose each other's change.
 */
@Component
public class TeamStore implements EditionTeams {

    public static final String COLLECTION = "edition_teams";

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final ObjectProvider<OutboxRelay> relay;

    public TeamStore(MongoTemplate mongo, JsonMapper json, ObjectProvider<OutboxRelay> relay) {
        this.mongo = mongo;
        this.json = json;
        this.relay = relay;
    }

    @Override
    public Optional<EditionTeam> find(String editionId) {
        Document d = collection().find(Filters.eq("_id", editionId)).first();
        return Optional.ofNullable(d).map(TeamStore::team);
    }

    /** The stored team, or the empty team (version 0) of an edition nobody has named members of. */
    public EditionTeam get(String editionId) {
        return find(editionId).orElse(EditionTeam.none(editionId));
    }

    /**
     * Replaces the members if the stored version is still {@code expected.version()}, raising it by one and adding
     * the event to the outbox in the same write.
     * @return the new team, or empty when someone else changed it first (read again and retry)
     */
    public Optional<EditionTeam> replace(EditionTeam expected, List<TeamMember> members, Instant now) {
        EditionTeam next = new EditionTeam(expected.editionId(), expected.version() + 1, members, now);
        Document message = outbox(next);
        Bson set = Updates.combine(Updates.set("version", next.version()),
                Updates.set("members", members.stream().map(TeamStore::member).toList()),
                Updates.set("updatedAt", Date.from(now)), Updates.push(OutboxMessage.FIELD, message));
        if (expected.version() == 0 && find(expected.editionId()).isEmpty()) {
            try {
                collection().insertOne(new Document("_id", next.editionId()).append("version", next.version())
                        .append("members", members.stream().map(TeamStore::member).toList())
                        .append("updatedAt", Date.from(now)).append(OutboxMessage.FIELD, List.of(message)));
            } catch (com.mongodb.MongoWriteException e) {
                if (e.getError().getCode() == 11000) {
                    return Optional.empty();
                }
                throw e;
            }
        } else {
            Document after = collection().findOneAndUpdate(
                    Filters.and(Filters.eq("_id", expected.editionId()), Filters.eq("version", expected.version())),
                    set, new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (after == null) {
                return Optional.empty();
            }
        }
        relay.ifAvailable(r -> r.signal(COLLECTION, next.editionId()));
        return Optional.of(next);
    }

    private Document outbox(EditionTeam team) {
        return OutboxMessage.of(UUID.randomUUID().toString(), EditionTeam.TOPIC, team.editionId(),
                EditionTeam.EVENT_TYPE, EditionTeam.EVENT_VERSION, json.writeValueAsString(team)).toDocument();
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    private static Document member(TeamMember m) {
        return new Document("subject", m.subject()).append("name", m.name()).append("email", m.email())
                .append("addedBy", m.addedBy()).append("addedAt", m.addedAt() == null ? null : Date.from(m.addedAt()));
    }

    private static EditionTeam team(Document d) {
        List<TeamMember> members = new ArrayList<>();
        for (Document m : d.getList("members", Document.class, List.of())) {
            Date added = m.getDate("addedAt");
            members.add(new TeamMember(m.getString("subject"), m.getString("name"), m.getString("email"),
                    m.getString("addedBy"), added == null ? null : added.toInstant()));
        }
        Number version = d.get("version", Number.class);
        Date updated = d.getDate("updatedAt");
        return new EditionTeam(d.getString("_id"), version == null ? 0 : version.longValue(), members,
                updated == null ? null : updated.toInstant());
    }
}
