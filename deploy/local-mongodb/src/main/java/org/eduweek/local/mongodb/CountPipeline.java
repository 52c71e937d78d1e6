package org.eduweek.local.mongodb;

import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The pipeline every MongoDB driver sends for {@code countDocuments} (Spring Data's {@code count(Query)} too):
 * {@code [{$match: filter}, {$skip: n}?, {$limit: n}?, {$group: {_id: 1, n: {$sum: 1}}}]}.
 *
 * <p>mongo-java-server runs every aggregation over a stream of the whole collection, so each of these counts read and
 * matched every document, however selective the filter, and the cost grew with the data (the seat reconciler's
 * confirmed and waiting counts, a waitlist position). Answered as a query instead, the filter goes through the
 * collection's query planning ({@link IndexNarrowedH2Collection}: unique keys, secondary-index candidates). Any other
 * pipeline, or this one with options that could change its meaning (collation, hint, ...), is left to the library.
 */
record CountPipeline(String collection, Document filter, int skip, int limit) {

    private static final Set<String> PLAIN_COMMAND_FIELDS = Set.of("aggregate", "pipeline", "cursor", "$db",
            "lsid", "$readPreference", "$clusterTime", "txnNumber", "apiVersion", "maxTimeMS", "comment", "readConcern",
            "allowDiskUse");

    /** The count this aggregate command asks for, or null when it is anything else. */
    static CountPipeline of(Document command) {
        if (!(command.get("aggregate") instanceof String collection) || !(command.get("pipeline") instanceof List<?> stages)
                || !PLAIN_COMMAND_FIELDS.containsAll(command.keySet()) || stages.size() < 2 || stages.size() > 4) {
            return null;
        }
        Document filter = stage(stages.get(0), "$match") instanceof Document match ? match : null;
        if (filter == null || !isCountGroup(stage(stages.get(stages.size() - 1), "$group"))) {
            return null;
        }
        int skip = 0;
        int limit = 0;
        for (Object middle : stages.subList(1, stages.size() - 1)) {
            if (stage(middle, "$skip") instanceof Number n && skip == 0 && limit == 0 && n.intValue() >= 0) {
                skip = n.intValue();
            } else if (stage(middle, "$limit") instanceof Number n && limit == 0 && n.intValue() > 0) {
                limit = n.intValue();
            } else {
                return null;
            }
        }
        return new CountPipeline(collection, filter, skip, limit);
    }

    /** The aggregate command's answer: one {@code {_id: 1, n}} document, or none when nothing matched (as MongoDB). */
    Document answer(String database, int count) {
        List<Document> batch = count == 0 ? List.of() : List.of(new Document("_id", 1).append("n", count));
        return new Document("cursor", new Document("id", 0L).append("ns", database + "." + collection)
                .append("firstBatch", batch)).append("ok", 1.0);
    }

    /** The stage's argument when the stage is exactly {@code {name: argument}}, else null. */
    private static Object stage(Object stage, String name) {
        return stage instanceof Map<?, ?> m && m.size() == 1 ? m.get(name) : null;
    }

    private static boolean isCountGroup(Object group) {
        if (!(group instanceof Document g) || g.size() != 2 || !isOne(g.get("_id"))) {
            return false;
        }
        // the output field's name is the driver's choice ("n"); the answer must use the same one
        return "n".equals(g.keySet().stream().filter(k -> !"_id".equals(k)).findFirst().orElse(null))
                && g.get("n") instanceof Document sum && sum.size() == 1 && isOne(sum.get("$sum"));
    }

    private static boolean isOne(Object value) {
        return value instanceof Number n && n.doubleValue() == 1.0;
    }
}
