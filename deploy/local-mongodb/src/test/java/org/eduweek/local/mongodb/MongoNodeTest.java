package org.eduweek.local.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded MongoDB's H2 file with {@link UniqueIndexKeyType}: lookups by {@code _id} and by unique keys find what
 * was stored, duplicates are refused, and a file written by H2's default key type reads the same with ours and the
 * other way round (same order on disk: a data folder from an earlier version keeps working, and could go back).
 */
class MongoNodeTest {

    @TempDir
    Path dir;

    @Test
    void uniqueIndexMapsUseTheFastKeyTypeUnderH2sOwnMapNames() throws Exception {
        try (Running db = start(dir.resolve("a.mv"), MongoNode.HelloAwareH2Backend::new)) {
            MongoCollection<Document> things = db.collection();
            things.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).name("code_unique"));
            things.insertOne(new Document("_id", "t-1").append("code", "A"));

            List<String> indexMaps = db.store().getMapNames().stream().filter(n -> n.contains("._index_")).toList();
            assertThat(indexMaps).containsExactlyInAnyOrder("eduweek-test.things._index__id_",
                    "eduweek-test.things._index_code_unique");
            for (String name : indexMaps) {
                assertThat(db.store().openMap(name).getKeyType()).isInstanceOf(UniqueIndexKeyType.class);
            }
        }
    }

    @Test
    void findsAndRefusesByUniqueKeysAndReadsFilesOfTheDefaultKeyTypeBothWays() throws Exception {
        Path file = dir.resolve("b.mv");
        List<String> ids = IntStream.range(0, 3000).mapToObj(i -> "reg-" + Integer.toHexString(i * 7919)).toList();
        // written with H2's default key type (what earlier versions of the launcher did)
        try (Running db = start(file, H2Backend::new)) {
            db.collection().createIndex(Indexes.ascending("activeKey"), new IndexOptions().unique(true));
            db.collection().insertMany(documents(ids.subList(0, 1500)));
        }
        // read and extended with the fast key type
        try (Running db = start(file, MongoNode.HelloAwareH2Backend::new)) {
            assertAllFound(db.collection(), ids.subList(0, 1500));
            db.collection().insertMany(documents(ids.subList(1500, 3000)));
            assertAllFound(db.collection(), ids);
            assertThatThrownBy(() -> db.collection().insertOne(new Document("_id", "other")
                    .append("activeKey", "ses-1:" + ids.get(2000)))).isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> db.collection().insertOne(new Document("_id", ids.get(10))))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            db.collection().deleteOne(Filters.eq("_id", ids.get(42)));
            assertThat(db.collection().find(Filters.eq("activeKey", "ses-1:" + ids.get(42))).first()).isNull();
        }
        // and read back with the default key type
        try (Running db = start(file, H2Backend::new)) {
            List<String> kept = new ArrayList<>(ids);
            kept.remove(ids.get(42));
            assertAllFound(db.collection(), kept);
            assertThat(db.collection().countDocuments()).isEqualTo(2999);
        }
    }

    @Test
    void collectionsAreIndexNarrowedAndConditionalWritesByKeyStillApplyTheirConditions() throws Exception {
        try (Running db = start(dir.resolve("c.mv"), MongoNode.HelloAwareH2Backend::new)) {
            MongoCollection<Document> seats = db.collection();
            seats.createIndex(Indexes.ascending("label"), new IndexOptions().unique(true));
            seats.insertMany(List.of(new Document("_id", "s1:ONLINE").append("free", 1).append("label", "one"),
                    new Document("_id", "s2:ONLINE").append("free", 0).append("label", "two")));

            // a seat is taken once, then the condition refuses
            var take = Filters.and(Filters.eq("_id", "s1:ONLINE"), Filters.gt("free", 0));
            assertThat(seats.findOneAndUpdate(take, Updates.inc("free", -1))).isNotNull();
            assertThat(seats.findOneAndUpdate(take, Updates.inc("free", -1))).isNull();
            assertThat(seats.find(Filters.eq("_id", "s1:ONLINE")).first().getInteger("free")).isZero();

            // plain documents with the key and more: matched on all of it
            assertThat(seats.find(new Document("_id", "s2:ONLINE").append("free", 0)).first()).isNotNull();
            assertThat(seats.find(new Document("_id", "s2:ONLINE").append("free", 5)).first()).isNull();
            assertThat(seats.find(new Document("label", "two").append("free", 0)).first()).isNotNull();
            assertThat(seats.find(new Document("label", "two").append("free", 1)).first()).isNull();
            assertThat(seats.find(Filters.and(Filters.eq("_id", "nope"), Filters.eq("free", 0))).first()).isNull();
            assertThat(seats.updateOne(new Document("_id", "s2:ONLINE").append("free", 3), Updates.set("free", 9))
                    .getMatchedCount()).isZero();
            assertThat(seats.deleteOne(new Document("_id", "s2:ONLINE").append("label", "two")).getDeletedCount())
                    .isEqualTo(1);
            // queries that pin no unique key still scan, and find
            assertThat(seats.countDocuments(Filters.gte("free", 0))).isEqualTo(1);
            assertThat(seats.find(Filters.in("_id", "s1:ONLINE", "s2:ONLINE")).into(new ArrayList<>())).hasSize(1);

            var collection = db.backend().resolveDatabase("eduweek-test").resolveCollection("things", true);
            assertThat(collection).isInstanceOf(IndexNarrowedH2Collection.class);
        }
    }

    @Test
    void secondaryIndexesNarrowEqualitiesAndAnswerExactlyWhatAScanAnswersThroughWritesAndRestarts() throws Exception {
        Path file = dir.resolve("e.mv");
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Document d = new Document("_id", "reg-" + Integer.toHexString(i * 7919 % 4096))
                    .append("sessionId", "ses-" + (i % 7)).append("status", i % 3 == 0 ? "WAITLISTED" : "CONFIRMED")
                    .append("waitNumber", i).append("draft", new Document("campus", i % 2 == 0 ? "Pingyuan" : "Tongzhou"));
            switch (i % 11) {
                case 0 -> d.remove("sessionId");                                    // missing
                case 1 -> d.put("sessionId", null);                                 // null
                case 2 -> d.put("sessionId", List.of("ses-1", "ses-2"));            // an array: matches by element
                case 3 -> d.put("sessionId", new Document("id", "ses-1"));          // embedded: never a plain match
                case 4 -> d.put("sessionId", i % 2 == 0 ? 1 : 1.0);                 // numbers equal across types
                case 5 -> d.put("draft", List.of(new Document("campus", "Pingyuan"))); // the path crosses an array
                default -> { }
            }
            documents.add(d);
        }
        List<org.bson.conversions.Bson> queries = List.of(Filters.eq("sessionId", "ses-1"),
                Filters.eq("sessionId", "ses-2"), Filters.eq("sessionId", 1L), Filters.eq("sessionId", "nope"),
                Filters.and(Filters.eq("sessionId", "ses-3"), Filters.eq("status", "WAITLISTED"),
                        Filters.gt("waitNumber", 100)),
                Filters.eq("draft.campus", "Pingyuan"), Filters.eq("status", "CONFIRMED"),
                Filters.in("sessionId", "ses-4", "ses-6", 1), Filters.in("sessionId"),
                // the delivery poller's shape: the first field pinned by every branch of an $or
                Filters.and(Filters.eq("status", "WAITLISTED"), Filters.or(
                        Filters.and(Filters.eq("sessionId", "ses-1"), Filters.lt("waitNumber", 50)),
                        Filters.and(Filters.eq("sessionId", "ses-4"), Filters.gt("waitNumber", 250)))),
                Filters.or(Filters.eq("sessionId", "ses-6"), Filters.eq("waitNumber", 7)));
        try (Running db = start(file, MongoNode.HelloAwareH2Backend::new)) {
            MongoCollection<Document> indexed = db.collection();
            MongoCollection<Document> plain = db.client().getDatabase("eduweek-test").getCollection("plain");
            indexed.createIndex(Indexes.ascending("sessionId", "status", "waitNumber"));
            indexed.createIndex(Indexes.ascending("draft.campus"));
            indexed.insertMany(documents.subList(0, 150));
            plain.insertMany(documents.subList(0, 150));
            assertSameAnswers(indexed, plain, queries);
            // written after the index was built: inserts, updates that move a document between values, deletes
            indexed.insertMany(documents.subList(150, 300));
            plain.insertMany(documents.subList(150, 300));
            for (MongoCollection<Document> c : List.of(indexed, plain)) {
                c.updateMany(Filters.eq("sessionId", "ses-2"), Updates.set("sessionId", "ses-3"));
                c.updateOne(Filters.eq("_id", documents.get(20).get("_id")), Updates.set("sessionId", "ses-1"));
                c.findOneAndUpdate(Filters.and(Filters.eq("sessionId", "ses-1"), Filters.eq("status", "WAITLISTED")),
                        Updates.set("status", "CONFIRMED"));
                c.deleteMany(Filters.eq("sessionId", "ses-5"));
                c.deleteOne(Filters.eq("_id", documents.get(2).get("_id")));
            }
            assertSameAnswers(indexed, plain, queries);
            var collection = db.backend().resolveDatabase("eduweek-test").resolveCollection("things", true);
            assertThat(((IndexNarrowedH2Collection) collection).getIndexes())
                    .filteredOn(EqualityCandidatesIndex.class::isInstance).hasSize(2)
                    .allSatisfy(index -> assertThat(index.getCount()).as("built and kept").isPositive());
        }
        // after a restart the index is rebuilt from the file on first use
        try (Running db = start(file, MongoNode.HelloAwareH2Backend::new)) {
            assertSameAnswers(db.collection(), db.client().getDatabase("eduweek-test").getCollection("plain"),
                    queries);
        }
    }

    @Test
    void aCompoundIndexNarrowsToTheRangeOfItsLastFieldAndAnswersExactlyWhatAScanAnswers() throws Exception {
        Path file = dir.resolve("r.mv");
        java.time.Instant base = java.time.Instant.parse("2026-12-01T02:00:00Z");
        List<String> states = List.of("PLANNED", "SENDING", "SENT", "WAITING");
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Document d = new Document("_id", "ntf-" + Integer.toHexString(i * 7919 % 8192))
                    .append("state", states.get(i % 4)).append("channel", i % 3 == 0 ? "SMS" : "EMAIL")
                    .append("dueAt", java.util.Date.from(base.plusSeconds(60L * (i % 200))))
                    .append("leaseUntil", java.util.Date.from(base.plusSeconds(60L * (i % 50)))).append("n", i);
            switch (i < 130 ? i % 13 : -1) {
                case 0 -> d.remove("dueAt");                                          // missing
                case 1 -> d.put("dueAt", null);                                       // null
                case 2 -> d.put("dueAt", "2026-12-01T02:30:00Z");                     // another type
                case 3 -> d.put("dueAt", 42);                                         // a number
                case 4 -> d.put("dueAt", List.of(java.util.Date.from(base), java.util.Date.from(base.plusSeconds(9000))));
                case 5 -> d.put("state", List.of("PLANNED", "SENT"));                // a leading field as an array
                case 6 -> d.remove("channel");                                        // a leading field missing
                case 7 -> d.put("dueAt", Double.NaN);                                 // ordered apart by Java
                case 8 -> d.put("dueAt", -0.0);                                       // equal to 0 in a query
                default -> { }
            }
            documents.add(d);
        }
        // most messages are planned for later, as reminders are
        java.util.Date now = java.util.Date.from(base.plusSeconds(60L * 20));
        List<org.bson.conversions.Bson> queries = List.of(
                // the delivery poller's due-scan
                Filters.and(Filters.eq("channel", "EMAIL"), Filters.or(
                        Filters.and(Filters.eq("state", "PLANNED"), Filters.lte("dueAt", now)),
                        Filters.and(Filters.eq("state", "SENDING"), Filters.lt("leaseUntil", now)))),
                Filters.and(Filters.eq("state", "PLANNED"), Filters.eq("channel", "SMS"),
                        Filters.gt("dueAt", java.util.Date.from(base.plusSeconds(600))),
                        Filters.lt("dueAt", java.util.Date.from(base.plusSeconds(1800)))),
                Filters.and(Filters.eq("state", "SENT"), Filters.eq("channel", "EMAIL"), Filters.eq("dueAt", now)),
                Filters.and(Filters.eq("state", "SENT"), Filters.eq("channel", "EMAIL"),
                        new Document("dueAt", new Document("$eq", now))),
                Filters.and(Filters.eq("state", "WAITING"), Filters.eq("channel", "EMAIL"), Filters.gte("dueAt", 40)),
                Filters.and(Filters.eq("state", "WAITING"), Filters.eq("channel", "EMAIL"),
                        Filters.gte("dueAt", "2026-12-01")),
                Filters.and(Filters.eq("state", "PLANNED"), Filters.eq("channel", "EMAIL"), Filters.lt("dueAt", 100)),
                Filters.and(Filters.eq("state", "PLANNED"), Filters.eq("channel", "EMAIL"), Filters.gt("dueAt", -1)),
                Filters.and(Filters.eq("state", "SENDING"), Filters.eq("channel", "EMAIL"), Filters.eq("dueAt", 0)),
                Filters.and(Filters.eq("state", "SENDING"), Filters.eq("channel", "EMAIL"),
                        Filters.eq("dueAt", Double.NaN)),
                // bounds of two types, an empty range, a single excluded point, no bound at all
                Filters.and(Filters.eq("state", "PLANNED"), Filters.eq("channel", "EMAIL"), Filters.gt("dueAt", 1),
                        Filters.lt("dueAt", now)),
                Filters.and(Filters.eq("state", "PLANNED"), Filters.eq("channel", "EMAIL"), Filters.gt("dueAt", now),
                        Filters.lt("dueAt", java.util.Date.from(base))),
                Filters.and(Filters.eq("state", "PLANNED"), Filters.eq("channel", "EMAIL"), Filters.gt("dueAt", now),
                        Filters.lt("dueAt", now)),
                Filters.and(Filters.eq("state", "SENDING"), Filters.eq("channel", "EMAIL")),
                Filters.and(Filters.eq("state", "PLANNED"), Filters.eq("channel", "EMAIL"),
                        Filters.in("dueAt", now, java.util.Date.from(base))),
                // not a conjunction of pinned leading fields: the other plans
                Filters.and(Filters.eq("state", "PLANNED"), Filters.lte("dueAt", now)),
                Filters.or(Filters.eq("state", "SENT"), Filters.eq("n", 7)),
                Filters.and(Filters.or(Filters.eq("state", "SENT"), Filters.eq("state", "PLANNED")),
                        Filters.or(Filters.eq("channel", "SMS"), Filters.eq("channel", "EMAIL"))),
                Filters.nor(Filters.eq("state", "SENT")));
        try (Running db = start(file, MongoNode.HelloAwareH2Backend::new)) {
            MongoCollection<Document> indexed = db.collection();
            MongoCollection<Document> plain = db.client().getDatabase("eduweek-test").getCollection("plain");
            indexed.createIndex(Indexes.ascending("state", "channel", "dueAt"));
            indexed.insertMany(documents.subList(0, 200));
            plain.insertMany(documents.subList(0, 200));
            assertSameAnswers(indexed, plain, queries, "n");
            indexed.insertMany(documents.subList(200, 400));
            plain.insertMany(documents.subList(200, 400));
            for (MongoCollection<Document> c : List.of(indexed, plain)) {
                // moves between prefixes and within a range, to and from values that are not ordered, deletes
                c.updateMany(Filters.and(Filters.eq("state", "PLANNED"), Filters.lt("n", 100)),
                        Updates.set("state", "SENDING"));
                c.updateMany(Filters.eq("state", "SENT"), Updates.set("dueAt", now));
                c.updateOne(Filters.eq("n", 14), Updates.set("dueAt", java.util.Date.from(base)));
                c.updateOne(Filters.eq("n", 15), Updates.unset("dueAt"));
                c.updateOne(Filters.eq("n", 16), Updates.set("state", List.of("SENDING")));
                c.deleteMany(Filters.and(Filters.eq("state", "WAITING"), Filters.gt("n", 300)));
            }
            assertSameAnswers(indexed, plain, queries, "n");

            // and it narrows: the poller's PLANNED e-mails due by now are a fraction of the collection
            var collection = (IndexNarrowedH2Collection) db.backend().resolveDatabase("eduweek-test")
                    .resolveCollection("things", true);
            var compound = (EqualityCandidatesIndex) collection.getIndexes().stream()
                    .filter(EqualityCandidatesIndex.class::isInstance).findFirst().orElseThrow();
            assertThat(IndexNarrowedH2Collection.prefixLookups(new de.bwaldvogel.mongo.bson.Document(),
                    compound.fields())).as("an empty query pins nothing").isNull();
            List<Object> due = compound.prefixCandidates(List.of(java.util.Map.entry(List.of("PLANNED", "EMAIL"),
                    new EqualityCandidatesIndex.Range(null, false, now.toInstant(), true))), () -> {
                        throw new AssertionError("built already");
                    });
            List<Object> planned = compound.prefixCandidates(List.of(java.util.Map.entry(
                    List.of("PLANNED", "EMAIL"), EqualityCandidatesIndex.Range.ALL)), () -> {
                        throw new AssertionError("built already");
                    });
            long plannedDue = plain.countDocuments(Filters.and(Filters.eq("state", "PLANNED"),
                    Filters.eq("channel", "EMAIL"), Filters.lte("dueAt", now)));
            // the candidates: the due ones, those whose dueAt is not a date, and those with an array for a state
            assertThat(due.size()).isGreaterThanOrEqualTo((int) plannedDue).isLessThan(planned.size() / 2);
        }
        try (Running db = start(file, MongoNode.HelloAwareH2Backend::new)) {
            assertSameAnswers(db.collection(), db.client().getDatabase("eduweek-test").getCollection("plain"),
                    queries, "n");
        }
    }

    @Test
    void theOutboxSweepReadsOnlyDocumentsWithAnElementZeroAndAnswersExactlyWhatAScanAnswers() throws Exception {
        Path file = dir.resolve("o.mv");
        java.util.Date old = java.util.Date.from(java.time.Instant.parse("2026-12-01T02:00:00Z"));
        java.util.Date recent = java.util.Date.from(java.time.Instant.parse("2026-12-01T03:00:00Z"));
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Document d = new Document("_id", "reg-" + Integer.toHexString(i * 7919 % 4096)).append("n", i);
            switch (i % 9) {
                case 0 -> d.append("outbox", List.of(new Document("id", "e" + i).append("createdAt", old)));
                case 1 -> d.append("outbox", List.of(new Document("id", "e" + i).append("createdAt", recent),
                        new Document("id", "f" + i)));
                case 2 -> d.append("outbox", List.of(new Document("id", "e" + i)));      // no createdAt
                case 3 -> d.append("outbox", new Document("0", "odd"));                  // a field named 0
                case 4 -> d.append("outbox", "not an array");
                case 5 -> d.append("outbox", null);
                case 6 -> d.remove("outbox");
                default -> d.append("outbox", List.of());
            }
            documents.add(d);
        }
        var pending = Filters.exists("outbox.0");
        var sweep = Filters.and(pending, Filters.or(Filters.lt("outbox.0.createdAt", recent),
                Filters.exists("outbox.0.createdAt", false)));
        List<org.bson.conversions.Bson> queries = List.of(pending, sweep, Filters.exists("outbox.0", false),
                Filters.and(Filters.exists("outbox.0"), Filters.gt("n", 100)), Filters.exists("outbox.1"));
        try (Running db = start(file, MongoNode.HelloAwareH2Backend::new)) {
            MongoCollection<Document> indexed = db.collection();
            MongoCollection<Document> plain = db.client().getDatabase("eduweek-test").getCollection("plain");
            indexed.insertMany(documents.subList(0, 150));
            plain.insertMany(documents.subList(0, 150));
            assertSameAnswers(indexed, plain, queries, "n");
            var collection = (IndexNarrowedH2Collection) db.backend().resolveDatabase("eduweek-test")
                    .resolveCollection("things", true);
            // tracked from the first sweep on: later writes keep it current
            indexed.insertMany(documents.subList(150, 300));
            plain.insertMany(documents.subList(150, 300));
            // $pull and $push only where the outbox is an array (or missing, for $push), as a server would insist
            List<Integer> arrays = IntStream.range(0, 80).filter(i -> i % 9 <= 2 || i % 9 >= 6).boxed().toList();
            for (MongoCollection<Document> c : List.of(indexed, plain)) {
                c.updateMany(Filters.and(Filters.lt("n", 40), Filters.in("n", arrays)),
                        Updates.pull("outbox", new Document("createdAt", old)));
                c.updateMany(Filters.and(Filters.gte("n", 40), Filters.in("n", arrays)),
                        Updates.push("outbox", new Document("id", "new").append("createdAt", recent)));
                c.updateOne(Filters.eq("n", 81), Updates.set("outbox", List.of()));
                c.updateOne(Filters.eq("n", 82), Updates.unset("outbox"));
                c.findOneAndUpdate(Filters.eq("n", 90), Updates.set("outbox", List.of(new Document("id", "x"))));
                c.deleteMany(Filters.gt("n", 250));
                c.replaceOne(Filters.eq("n", 99), new Document("n", 99).append("outbox", List.of("y")));
            }
            assertSameAnswers(indexed, plain, queries, "n");
            assertThat(collection.trackedNonEmptyArrays())
                    .containsEntry("outbox", (int) plain.countDocuments(pending));
            assertThat(plain.countDocuments(pending)).isLessThan(plain.countDocuments() / 2);
        }
        try (Running db = start(file, MongoNode.HelloAwareH2Backend::new)) {
            assertSameAnswers(db.collection(), db.client().getDatabase("eduweek-test").getCollection("plain"),
                    queries, "n");
        }
        assertThat(NonEmptyArrays.fieldRequired(doc("outbox.0", doc("$exists", true)))).isEqualTo("outbox");
        assertThat(NonEmptyArrays.fieldRequired(doc("$and", List.of(doc("a", 1), doc("outbox.0", doc("$exists", 1))))))
                .isEqualTo("outbox");
        assertThat(NonEmptyArrays.fieldRequired(doc("outbox.0", doc("$exists", false)))).isNull();
        assertThat(NonEmptyArrays.fieldRequired(doc("a.outbox.0", doc("$exists", true)))).as("nested").isNull();
        assertThat(NonEmptyArrays.fieldRequired(doc("$or", List.of(doc("outbox.0", doc("$exists", true)),
                doc("a", 1))))).as("one branch of an $or").isNull();
    }

    @Test
    void aQueryIsSplitIntoConjunctionsAndTheLeadingFieldsOfAnIndexArePinnedInEachOrNotAtAll() {
        var poller = doc("$and", List.of(doc("channel", "EMAIL"), doc("$or", List.of(
                doc("state", "PLANNED", "dueAt", doc("$lte", 5)), doc("state", "SENDING", "leaseUntil", doc("$lt", 5))))));
        assertThat(IndexNarrowedH2Collection.prefixLookups(poller, List.of("state", "channel", "dueAt"))).containsExactly(
                java.util.Map.entry(List.of("PLANNED", "EMAIL"), new EqualityCandidatesIndex.Range(null, false, 5.0, true)),
                java.util.Map.entry(List.of("SENDING", "EMAIL"), EqualityCandidatesIndex.Range.ALL));
        assertThat(IndexNarrowedH2Collection.prefixLookups(poller, List.of("state", "channel", "owner", "dueAt")))
                .as("a leading field not pinned").isNull();
        assertThat(IndexNarrowedH2Collection.prefixLookups(doc("a", 1, "b", doc("$gt", 2, "$lte", 9)),
                List.of("a", "b"))).containsExactly(java.util.Map.entry(List.of(1.0),
                        new EqualityCandidatesIndex.Range(2.0, false, 9.0, true)));
        assertThat(IndexNarrowedH2Collection.prefixLookups(doc("a", 1, "b", doc("$gt", 2, "$lt", "z")),
                List.of("a", "b"))).as("a string bound is not used").containsExactly(java.util.Map.entry(
                        List.of(1.0), new EqualityCandidatesIndex.Range(2.0, false, null, false)));
        assertThat(IndexNarrowedH2Collection.prefixLookups(doc("a", 1, "b", doc("$gt", 2, "$lt",
                new java.util.Date(0).toInstant())), List.of("a", "b"))).as("bounds of two types")
                        .containsExactly(java.util.Map.entry(List.of(1.0), EqualityCandidatesIndex.Range.ALL));
        assertThat(IndexNarrowedH2Collection.prefixLookups(doc("a", -0.0, "b", doc("$lt", Double.NaN)),
                List.of("a", "b"))).containsExactly(java.util.Map.entry(List.of(0.0), EqualityCandidatesIndex.Range.ALL));
        assertThat(IndexNarrowedH2Collection.prefixLookups(doc("a", doc("$in", List.of(1, 2)), "b", 3),
                List.of("a", "b"))).isNull();
        assertThat(IndexNarrowedH2Collection.conjunctions(doc("$or", List.of(doc("a", 1)), "$and",
                List.of(doc("$or", List.of(doc("b", 1))))))).as("two $or").isNull();
        assertThat(IndexNarrowedH2Collection.conjunctions(doc("$nor", List.of(doc("a", 1))))).isNull();
        assertThat(IndexNarrowedH2Collection.conjunctions(doc("a", null))).containsExactly(
                List.of(new IndexNarrowedH2Collection.Clause("a", null)));
    }

    @Test
    void countDocumentsIsAnsweredThroughTheIndexesWithTheSameFigures() throws Exception {
        try (Running db = start(dir.resolve("f.mv"), MongoNode.HelloAwareH2Backend::new)) {
            MongoCollection<Document> indexed = db.collection();
            MongoCollection<Document> plain = db.client().getDatabase("eduweek-test").getCollection("plain");
            indexed.createIndex(Indexes.ascending("sessionId", "status"));
            for (MongoCollection<Document> c : List.of(indexed, plain)) {
                c.insertMany(IntStream.range(0, 200).mapToObj(i -> new Document("_id", "reg-" + i)
                        .append("sessionId", "ses-" + (i % 4)).append("status", i % 5 == 0 ? "WAITLISTED" : "CONFIRMED")
                        .append("waitNumber", i)).toList());
            }
            var collection = (IndexNarrowedH2Collection) db.backend().resolveDatabase("eduweek-test")
                    .resolveCollection("things", true);
            var secondary = collection.getIndexes().stream().filter(EqualityCandidatesIndex.class::isInstance)
                    .findFirst().orElseThrow();
            assertThat(secondary.getCount()).as("not built before the first query").isZero();

            var waitlisted = Filters.and(Filters.eq("sessionId", "ses-1"), Filters.eq("status", "WAITLISTED"));
            assertThat(indexed.countDocuments(waitlisted)).isEqualTo(plain.countDocuments(waitlisted)).isEqualTo(10);
            assertThat(secondary.getCount()).as("the count went through the index").isEqualTo(200);

            var early = Filters.and(Filters.eq("sessionId", "ses-2"), Filters.lt("waitNumber", 100));
            var options = new com.mongodb.client.model.CountOptions().skip(5).limit(10);
            assertThat(indexed.countDocuments(early, options)).isEqualTo(plain.countDocuments(early, options))
                    .isEqualTo(10);
            assertThat(indexed.countDocuments(Filters.eq("sessionId", "nope"))).isZero();
            assertThat(indexed.countDocuments()).isEqualTo(200);
            assertThat(db.client().getDatabase("eduweek-test").getCollection("missing").countDocuments()).isZero();
            // any other pipeline is still the library's
            List<Document> perSession = indexed.aggregate(List.of(new Document("$match", new Document("status", "WAITLISTED")),
                    new Document("$group", new Document("_id", "$sessionId").append("n", new Document("$sum", 1))),
                    new Document("$sort", new Document("_id", 1)))).into(new ArrayList<>());
            assertThat(perSession).extracting(d -> d.getInteger("n")).containsExactly(10, 10, 10, 10);
        }
    }

    @Test
    void onlyTheDriversCountShapeIsTakenForACount() {
        var match = doc("$match", doc("sessionId", "ses-1"));
        var group = doc("$group", doc("_id", 1, "n", doc("$sum", 1)));
        var count = CountPipeline.of(doc("aggregate", "things", "pipeline", List.of(match, doc("$skip", 2),
                doc("$limit", 3), group), "cursor", doc(), "$db", "eduweek-test"));
        assertThat(count).isEqualTo(new CountPipeline("things", doc("sessionId", "ses-1"), 2, 3));
        assertThat(count.answer("eduweek-test", 0).get("cursor")).isEqualTo(
                doc("id", 0L, "ns", "eduweek-test.things", "firstBatch", List.of()));

        assertThat(CountPipeline.of(doc("aggregate", "things", "pipeline", List.of(match, group), "collation",
                doc("locale", "zh")))).as("options that change matching").isNull();
        assertThat(CountPipeline.of(doc("aggregate", "things", "pipeline", List.of(match, doc("$sort", doc("a", 1)),
                group)))).isNull();
        assertThat(CountPipeline.of(doc("aggregate", "things", "pipeline", List.of(match,
                doc("$group", doc("_id", "$sessionId", "n", doc("$sum", 1))))))).isNull();
        assertThat(CountPipeline.of(doc("aggregate", "things", "pipeline", List.of(match,
                doc("$group", doc("_id", 1, "n", doc("$sum", "$seats"))))))).isNull();
        assertThat(CountPipeline.of(doc("aggregate", 1, "pipeline", List.of(match, group)))).isNull();
    }

    private static void assertSameAnswers(MongoCollection<Document> indexed, MongoCollection<Document> plain,
            List<org.bson.conversions.Bson> queries) {
        assertSameAnswers(indexed, plain, queries, "waitNumber");
        assertThat(indexed.find(Filters.eq("sessionId", "ses-1")).into(new ArrayList<>())).isNotEmpty();
    }

    private static void assertSameAnswers(MongoCollection<Document> indexed, MongoCollection<Document> plain,
            List<org.bson.conversions.Bson> queries, String sortField) {
        for (var query : queries) {
            List<Document> expected = plain.find(query).into(new ArrayList<>());
            assertThat(indexed.find(query).into(new ArrayList<>())).as(query.toString()).isEqualTo(expected);
            assertThat(indexed.find(query).sort(new Document(sortField, -1)).limit(3).into(new ArrayList<>()))
                    .isEqualTo(plain.find(query).sort(new Document(sortField, -1)).limit(3).into(new ArrayList<>()));
        }
    }

    @Test
    void aSecondaryIndexFieldIsPinnedByEqualitiesInsAndEveryBranchOfAnOr() {
        assertThat(IndexNarrowedH2Collection.oneOf(doc("state", "PLANNED"), "state")).containsExactly("PLANNED");
        assertThat(IndexNarrowedH2Collection.oneOf(doc("state", doc("$in", List.of("A", "B"))), "state"))
                .containsExactly("A", "B");
        assertThat(IndexNarrowedH2Collection.oneOf(doc("$and", List.of(doc("channel", "EMAIL"), doc("$or", List.of(
                doc("state", "PLANNED", "dueAt", doc("$lte", 5)), doc("state", "SENDING", "leaseUntil", doc("$lt", 5)))))),
                "state")).containsExactly("PLANNED", "SENDING");
        assertThat(IndexNarrowedH2Collection.oneOf(doc("$or", List.of(doc("state", "A"), doc("other", 1))), "state"))
                .as("a branch that does not pin the field").isNull();
        assertThat(IndexNarrowedH2Collection.oneOf(doc("state", doc("$ne", "A")), "state")).isNull();
        assertThat(IndexNarrowedH2Collection.oneOf(doc("state", doc("$in", List.of("A", doc("x", 1)))), "state"))
                .isNull();
    }

    @Test
    void onlyKeysPinnedToOnePlainValueNarrowAQuery() {
        var id = List.of(new IndexKey("_id", true));
        assertThat(IndexNarrowedH2Collection.keyEqualities(doc("_id", "a", "free", doc("$gt", 0)), id))
                .isEqualTo(doc("_id", "a"));
        assertThat(IndexNarrowedH2Collection.keyEqualities(
                doc("$and", List.of(doc("_id", "a"), doc("free", doc("$gt", 0)))), id)).isEqualTo(doc("_id", "a"));
        assertThat(IndexNarrowedH2Collection.keyEqualities(doc("_id", doc("$in", List.of("a"))), id)).isNull();
        assertThat(IndexNarrowedH2Collection.keyEqualities(doc("free", 1), id)).isNull();
        assertThat(IndexNarrowedH2Collection.keyEqualities(doc("_id", null), id)).isNull();
        assertThat(IndexNarrowedH2Collection.keyEqualities(
                doc("_id", new de.bwaldvogel.mongo.bson.BsonRegularExpression("^a", "")), id)).isNull();
    }

    private static de.bwaldvogel.mongo.bson.Document doc(Object... keysAndValues) {
        var d = new de.bwaldvogel.mongo.bson.Document();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            d.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return d;
    }

    private static List<Document> documents(List<String> ids) {
        return ids.stream().map(id -> new Document("_id", id).append("activeKey", "ses-1:" + id)).toList();
    }

    private static void assertAllFound(MongoCollection<Document> c, List<String> ids) {
        for (String id : ids) {
            assertThat(c.find(Filters.eq("_id", id)).first()).as(id).isNotNull();
            Document byKey = c.find(Filters.eq("activeKey", "ses-1:" + id)).first();
            assertThat(byKey).as(id).isNotNull();
            assertThat(byKey.getString("_id")).isEqualTo(id);
        }
    }

    private static Running start(Path file, Function<MVStore, H2Backend> backend) {
        H2Backend b = backend.apply(MongoNode.openStore(file));
        MongoServer server = new MongoServer(b);
        server.bind("127.0.0.1", 0);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        return new Running(server, b, client);
    }

    private record Running(MongoServer server, H2Backend backend, MongoClient client) implements AutoCloseable {


        MongoCollection<Document> collection() {
            return client.getDatabase("eduweek-test").getCollection("things");
        }

        MVStore store() {
            return backend.getMvStore();
        }

        @Override
        public void close() {
            client.close();
            server.shutdown();
        }
    }
}
