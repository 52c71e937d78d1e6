package org.eduweek.local.mongodb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
 * the two) would scan the whole collection, reading and matching every document: on the hottest write path of a
 * registration burst, at a cost that grows with the collection. The result is the same by construction: every document matching the query has the key
 * the index was asked for, and the library's own index path ({@code matchDocuments} over positions) applies the full
 * query. Whether an index can take the key is still the library's decision ({@link Index#canHandle}).
 *
 * <p>Failing a unique key, a secondary index of several fields whose leading fields are all pinned by equality narrows
 * the query to those documents within the range the query sets on its last field ({@link #prefixLookups}: every
 * branch of an {@code $or} its own lookup); failing that, plain values pinned on the first field of a secondary
 * index ({@link #oneOf}) narrow the query to that index's candidates ({@link EqualityCandidatesIndex}), matched the
 * same way. A query that requires a field's element 0 to exist (the outbox relays' sweep) reads only the documents
 * that have one ({@link NonEmptyArrays}).
 */
final class IndexNarrowedH2Collection extends H2Collection {

    private final NonEmptyArrays nonEmptyArrays = new NonEmptyArrays();

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
        String arrayField = NonEmptyArrays.fieldRequired(query);
        if (arrayField != null) {
            return matchDocuments(query, nonEmptyArrays.candidates(arrayField, this::streamAllDocumentsWithPosition),
                    orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        for (Index<Object> index : getIndexes()) {
            if (index instanceof EqualityCandidatesIndex secondary && secondary.fields().size() > 1) {
                var lookups = prefixLookups(query, secondary.fields());
                if (lookups != null) {
                    return matchDocuments(query,
                            secondary.prefixCandidates(lookups, this::streamAllDocumentsWithPosition), orderBy,
                            numberToSkip, limit, batchSize, fieldSelector);
                }
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

    @Override
    protected Object addDocumentInternal(Document document) {
        Object position = super.addDocumentInternal(document);
        nonEmptyArrays.stored(position, document);
        return position;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        nonEmptyArrays.stored(position, newDocument);
    }

    @Override
    protected void removeDocument(Object position) {
        super.removeDocument(position);
        nonEmptyArrays.removed(position);
    }

    @Override
    public void drop() {
        super.drop();
        nonEmptyArrays.clear();
    }

    /** Fields whose element-0 documents are tracked, with their counts (for tests). */
    Map<String, Integer> trackedNonEmptyArrays() {
        return nonEmptyArrays.sizes();
    }

    /** One condition of a conjunction: a field and what the query asks of it (a value or an operator document). */
    record Clause(String field, Object condition) {
    }

    /**
     * Per branch of the query (one, or one per branch of its {@code $or}), the lookup keys of all leading fields of
     * the index, pinned by equality, and the range the branch sets on the last field; null when a branch does not pin
     * every leading field, or the query is not a conjunction with at most one {@code $or}.
     */
    static List<Map.Entry<List<Object>, EqualityCandidatesIndex.Range>> prefixLookups(Document query,
            List<String> fields) {
        List<List<Clause>> conjunctions = conjunctions(query);
        if (conjunctions == null) {
            return null;
        }
        List<Map.Entry<List<Object>, EqualityCandidatesIndex.Range>> lookups = new ArrayList<>();
        for (List<Clause> conjunction : conjunctions) {
            List<Object> prefix = new ArrayList<>();
            for (String leading : fields.subList(0, fields.size() - 1)) {
                Object key = pinned(conjunction, leading);
                if (key == null) {
                    return null;
                }
                prefix.add(key);
            }
            lookups.add(Map.entry(List.copyOf(prefix), range(conjunction, fields.get(fields.size() - 1))));
        }
        return lookups;
    }

    /**
     * The query as a union of conjunctions: its conditions (through {@code $and}), and for its one {@code $or} one
     * conjunction per branch; null for anything else ({@code $nor}, nested or several {@code $or}s, ...).
     */
    static List<List<Clause>> conjunctions(Document query) {
        List<Clause> common = new ArrayList<>();
        List<Collection<?>> ors = new ArrayList<>();
        if (!flatten(query, common, ors) || ors.size() > 1) {
            return null;
        }
        if (ors.isEmpty()) {
            return List.of(common);
        }
        List<List<Clause>> conjunctions = new ArrayList<>();
        for (Object branch : ors.get(0)) {
            List<Clause> conjunction = new ArrayList<>(common);
            List<Collection<?>> nested = new ArrayList<>();
            if (!(branch instanceof Document b) || !flatten(b, conjunction, nested) || !nested.isEmpty()) {
                return null;
            }
            conjunctions.add(conjunction);
        }
        return conjunctions.isEmpty() ? null : conjunctions;
    }

    private static boolean flatten(Document query, List<Clause> clauses, List<Collection<?>> ors) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            switch (entry.getKey()) {
                case "$and" -> {
                    if (!(entry.getValue() instanceof Collection<?> parts)) {
                        return false;
                    }
                    for (Object part : parts) {
                        if (!(part instanceof Document d) || !flatten(d, clauses, ors)) {
                            return false;
                        }
                    }
                }
                case "$or" -> {
                    if (!(entry.getValue() instanceof Collection<?> branches)) {
                        return false;
                    }
                    ors.add(branches);
                }
                default -> {
                    if (entry.getKey().startsWith("$")) {
                        return false;
                    }
                    clauses.add(new Clause(entry.getKey(), entry.getValue()));
                }
            }
        }
        return true;
    }

    /** The lookup key of the plain value a conjunction requires the field to equal, or null. */
    private static Object pinned(List<Clause> conjunction, String field) {
        for (Clause clause : conjunction) {
            if (clause.field().equals(field) && isPlain(clause.condition())) {
                Object key = EqualityCandidatesIndex.lookupKey(clause.condition());
                if (key != null) {
                    return key;
                }
            }
        }
        return null;
    }

    /**
     * The range a conjunction sets on the field: an equality, or the first lower and upper bound of
     * {@code $gt/$gte/$lt/$lte}, with keys of one ordered type ({@link EqualityCandidatesIndex#rangeType}: a number or
     * a date); unbounded otherwise (the matcher applies the rest).
     */
    static EqualityCandidatesIndex.Range range(List<Clause> conjunction, String field) {
        Object lower = null;
        Object upper = null;
        boolean lowerInclusive = false;
        boolean upperInclusive = false;
        for (Clause clause : conjunction) {
            if (!clause.field().equals(field)) {
                continue;
            }
            Object condition = clause.condition();
            if (isPlain(condition)) {
                Object key = EqualityCandidatesIndex.lookupKey(condition);
                if (EqualityCandidatesIndex.rangeType(key) != null) {
                    return new EqualityCandidatesIndex.Range(key, true, key, true);
                }
                continue;
            }
            if (!(condition instanceof Document operators)) {
                continue;
            }
            for (Map.Entry<String, Object> operator : operators.entrySet()) {
                Object key = isPlain(operator.getValue()) ? EqualityCandidatesIndex.lookupKey(operator.getValue())
                        : null;
                if (EqualityCandidatesIndex.rangeType(key) == null) {
                    continue;
                }
                switch (operator.getKey()) {
                    case "$eq" -> {
                        return new EqualityCandidatesIndex.Range(key, true, key, true);
                    }
                    case "$gt", "$gte" -> {
                        if (lower == null) {
                            lower = key;
                            lowerInclusive = operator.getKey().equals("$gte");
                        }
                    }
                    case "$lt", "$lte" -> {
                        if (upper == null) {
                            upper = key;
                            upperInclusive = operator.getKey().equals("$lte");
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        if (lower != null && upper != null && !lower.getClass().equals(upper.getClass())) {
            return EqualityCandidatesIndex.Range.ALL;
        }
        return new EqualityCandidatesIndex.Range(lower, lowerInclusive, upper, upperInclusive);
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
