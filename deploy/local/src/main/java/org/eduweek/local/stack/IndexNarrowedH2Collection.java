package org.eduweek.local.stack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * H2's collection, with one query-planning rule more: a query that pins every key of a unique index by equality
 * ({@code _id} above all) reads the one document the index names and matches the whole query on it, even when the
 * query has further conditions.
 *
 * <p>mongo-java-server uses an index only when the query's fields are exactly the index's fields, so the services'
 * conditional writes ({@code {_id: x, free: {$gt: 0}}}, {@code {_id: x, version: 3}}, a driver's {@code $and} of
 * the two) scanned the whole collection, reading and matching every document: under a registration burst that was
 * half of the embedded stack's CPU (JFR: {@code findAndModify} → {@code H2Collection.matchDocuments} 47 %), and it
 * grows with the collection. The result is the same by construction: every document matching the query has the key
 * the index was asked for, and the library's own index path ({@code matchDocuments} over positions) applies the full
 * query. Whether an index can take the key is still the library's decision ({@link Index#canHandle}).
 *
 * <p>Failing a unique key, plain values pinned on the first field of a secondary index ({@link #oneOf}) narrow the
 * query to that index's candidates ({@link EqualityCandidatesIndex}), matched the same way.
 */
final class IndexNarrowedH2Collection extends H2Collection {

    IndexNarrowedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        for (Index<Object> index : getIndexes()) {
            Document key = keyEqualities(query, index.getKeys());
            if (key != null && index.canHandle(key)) {
                return matchDocuments(query, index.getPositions(key), orderBy, numberToSkip, limit, batchSize,
                        fieldSelector);
            }
        }
        for (Index<Object> index : getIndexes()) {
            if (index instanceof EqualityCandidatesIndex secondary) {
                List<Object> keys = lookupKeys(oneOf(query, secondary.field()));
                if (keys != null) {
                    return matchDocuments(query, secondary.candidates(keys, this::streamAllDocumentsWithPosition),
                            orderBy, numberToSkip, limit, batchSize, fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The index's fields with the values the query requires them to equal, from its top level or from a top-level
     * {@code $and}; null when a field is not pinned to one plain value (operators, regular expressions, arrays,
     * embedded documents and null are left to the full scan).
     */
    static Document keyEqualities(Document query, List<IndexKey> keys) {
        Document key = new Document();
        for (IndexKey indexKey : keys) {
            Object value = equalTo(query, indexKey.getKey());
            if (value == null) {
                return null;
            }
            key.put(indexKey.getKey(), value);
        }
        return key;
    }

    /**
     * The plain values of which every document the query matches holds one in {@code field}, or null when the query
     * does not pin the field: an equality or a {@code $in} of plain values, at the top level, in a clause of a
     * top-level {@code $and}, or in every branch of an {@code $or} there (the union of the branches). The delivery
     * poller's {@code {channel, $or: [{state: PLANNED, dueAt <= now}, {state: SENDING, leaseUntil < now}]}} is
     * pinned to two states by its $or.
     */
    static List<Object> oneOf(Document query, String field) {
        List<Object> values = valuesAt(query, field);
        if (values != null) {
            return values;
        }
        if (query.get("$or") instanceof Collection<?> branches) {
            values = union(branches, field);
            if (values != null) {
                return values;
            }
        }
        if (query.get("$and") instanceof Collection<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document c) {
                    values = oneOf(c, field);
                    if (values != null) {
                        return values;
                    }
                }
            }
        }
        return null;
    }

    private static List<Object> valuesAt(Document query, String field) {
        Object value = query.get(field);
        if (isPlain(value)) {
            return List.of(value);
        }
        if (value instanceof Document condition && condition.size() == 1
                && condition.get("$in") instanceof Collection<?> in && in.stream().allMatch(v -> isPlain(v))) {
            return List.copyOf(in);
        }
        return null;
    }

    private static List<Object> union(Collection<?> branches, String field) {
        List<Object> all = new ArrayList<>();
        for (Object branch : branches) {
            List<Object> values = branch instanceof Document b ? oneOf(b, field) : null;
            if (values == null) {
                return null;
            }
            all.addAll(values);
        }
        return all.isEmpty() ? null : all;
    }

    /** The index lookup keys of these query values, or null when one of them cannot be looked up. */
    private static List<Object> lookupKeys(List<Object> values) {
        if (values == null) {
            return null;
        }
        List<Object> keys = new ArrayList<>();
        for (Object value : values) {
            Object key = EqualityCandidatesIndex.lookupKey(value);
            if (key == null) {
                return null;
            }
            keys.add(key);
        }
        return keys;
    }

    /** The plain value the query requires {@code field} to equal, at its top level or in a top-level $and; or null. */
    private static Object equalTo(Document query, String field) {
        Object value = query.get(field);
        if (isPlain(value)) {
            return value;
        }
        if (query.get("$and") instanceof Collection<?> parts) {
            for (Object part : parts) {
                if (part instanceof Document clause && isPlain(clause.get(field))) {
                    return clause.get(field);
                }
            }
        }
        return null;
    }

    private static boolean isPlain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection)
                && !(value instanceof Pattern) && !BsonRegularExpression.isRegularExpression(value);
    }
}
