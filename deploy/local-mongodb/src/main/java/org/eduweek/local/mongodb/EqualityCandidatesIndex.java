package org.eduweek.local.mongodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A non-unique index in memory, for the secondary indexes the services declare ({@code participantId},
 * {@code sessionId + seatMode + status + waitNumber}, {@code state + channel + dueAt}, ...), which mongo-java-server
 * accepts but does not implement: it answers every query on them with a scan of the whole collection, so without
 * this the cost of a consumer's lookup grows with every registration ever stored, and so does the idle CPU (the
 * delivery poller's periodic due-scan would read every message).
 *
 * <p>It maps the value of the index's FIRST field to the positions ({@code _id}s) of the documents holding it, and
 * only narrows: {@link IndexNarrowedH2Collection} reads those candidates and applies the whole query to each, so the
 * answer is the one a scan gives, in the same order (positions in the store's key order). What it cannot judge
 * exactly it keeps as a candidate for every value: documents whose field is an array or sits under an array (an
 * equality may match an element), or holds a type without a reliable {@code equals}. Numbers are keyed by their
 * {@code double} value (1, 1L and 1.0 are equal in a query). A document whose field is missing, null or an embedded
 * document cannot equal a plain value and is left out.
 *
 * <p>An index of several fields also keeps, by the values of all fields but the last, the documents ordered by the
 * last one ({@link #prefixCandidates}): a query pinning every leading field by equality and bounding the last one
 * ({@code state + channel} and {@code dueAt <= now} of the delivery poller) reads only the documents in that range.
 * Pinned on {@code state} alone the poller would read every reminder planned for later, every few seconds, at a cost
 * growing with the data. Ranges are kept for numbers and dates;
 * documents whose last field holds anything else (missing, null, an array, another type) stay candidates for every
 * range of their prefix, and a range of one type keeps the values of other types as candidates: only narrowing,
 * never a judgement on how types compare.
 *
 * <p>It lives in memory only: built by one scan the first time a query uses it (after a restart, on first use), then
 * kept current by the collection's add, update and remove calls, which like the queries run under the collection's
 * lock. Until built, those calls are ignored: the scan sees their result.
 */
final class EqualityCandidatesIndex extends Index<Object> {


    /** Marks a document that stays a candidate for every value. */
    private static final Object ANY = new Object();

    private final String field;
    private final List<String> fields;
    /** Several fields: by the lookup keys of all but the last, the documents by the last (see {@link Bucket}). */
    private final Map<List<Object>, Bucket> byPrefix = new HashMap<>();
    /** Several fields: documents with a leading field that cannot be judged (an array): candidates for every prefix. */
    private final Set<Object> anyPrefix = new LinkedHashSet<>();
    private final Map<Object, Placement> placementByPosition = new HashMap<>();
    /** The store's own key order, so candidates come out in the order a scan would visit them. */
    private final ObjectDataType storeOrder = new ObjectDataType();
    private final Map<Object, Set<Object>> positionsByValue = new HashMap<>();
    private final Set<Object> anyValue = new LinkedHashSet<>();
    private final Map<Object, Object> valueByPosition = new HashMap<>();
    private boolean built;

    EqualityCandidatesIndex(String name, List<IndexKey> keys) {
        // sparse, as mongo-java-server's EmptyIndex that this replaces: the collection then accepts that remove()
        // names no position, and the index description stays what clients saw before
        super(name, keys, true);
        this.field = keys.get(0).getKey();
        this.fields = keys.stream().map(IndexKey::getKey).toList();
    }

    /** All fields of the index, in order. */
    List<String> fields() {
        return fields;
    }

    /** A bound on the last field: lookup keys of one type ({@link #rangeType}), null for unbounded. */
    record Range(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {

        static final Range ALL = new Range(null, false, null, false);
    }

    /** Where a document sits in {@link #byPrefix}: its prefix (null: in {@link #anyPrefix}) and its last key. */
    private record Placement(List<Object> prefix, Object last) {
    }

    /** The documents of one prefix: ordered by the last field per type, and the rest (always candidates). */
    private static final class Bucket {
        final Map<Class<?>, NavigableMap<Object, Set<Object>>> ordered = new HashMap<>();
        final Set<Object> unordered = new LinkedHashSet<>();

        boolean isEmpty() {
            return ordered.isEmpty() && unordered.isEmpty();
        }
    }

    /** The field whose equality this index narrows. */
    String field() {
        return field;
    }

    /**
     * The key a query's plain equality value is looked up by, or null when this index cannot narrow by it (the
     * caller then scans).
     */
    static Object lookupKey(Object queryValue) {
        Object key = keyOf(queryValue);
        return key == ANY ? null : key;
    }

    /**
     * Every position whose document may hold one of {@code keys} in the field, in the store's key order; built by one
     * scan of {@code all} on first use.
     */
    synchronized List<Object> candidates(Collection<Object> keys, Supplier<Stream<DocumentWithPosition<Object>>> all) {
        build(all);
        Set<Object> candidates = new LinkedHashSet<>(anyValue);
        for (Object key : keys) {
            candidates.addAll(positionsByValue.getOrDefault(key, Set.of()));
        }
        List<Object> sorted = new ArrayList<>(candidates);
        sorted.sort(storeOrder::compare);
        return sorted;
    }

    /**
     * Every position whose document may match one of these lookups: the keys of all fields but the last, pinned by
     * equality, with a range of the last; in the store's key order. Built on first use like {@link #candidates}.
     */
    synchronized List<Object> prefixCandidates(List<Map.Entry<List<Object>, Range>> lookups,
            Supplier<Stream<DocumentWithPosition<Object>>> all) {
        build(all);
        Set<Object> candidates = new LinkedHashSet<>(anyPrefix);
        for (Map.Entry<List<Object>, Range> lookup : lookups) {
            Bucket bucket = byPrefix.get(lookup.getKey());
            if (bucket == null) {
                continue;
            }
            candidates.addAll(bucket.unordered);
            Range range = lookup.getValue();
            Class<?> type = range.lower() != null ? rangeType(range.lower()) : rangeType(range.upper());
            bucket.ordered.forEach((valueType, byValue) -> within(valueType.equals(type) ? range : Range.ALL, byValue)
                    .values().forEach(candidates::addAll));
        }
        List<Object> sorted = new ArrayList<>(candidates);
        sorted.sort(storeOrder::compare);
        return sorted;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static NavigableMap<Object, Set<Object>> within(Range range, NavigableMap<Object, Set<Object>> byValue) {
        if (range.lower() == null) {
            return range.upper() == null ? byValue : byValue.headMap(range.upper(), range.upperInclusive());
        }
        if (range.upper() == null) {
            return byValue.tailMap(range.lower(), range.lowerInclusive());
        }
        if (((Comparable) range.lower()).compareTo(range.upper()) > 0) {
            return Collections.emptyNavigableMap();
        }
        return byValue.subMap(range.lower(), range.lowerInclusive(), range.upper(), range.upperInclusive());
    }

    /**
     * The type a key is ordered within, or null when keys of its type are not kept in order: numbers (but NaN, which
     * query operators and Java order differently) and dates. Strings are not: how a server orders them (collations,
     * code points against UTF-16 units) is not this class's to judge.
     */
    static Class<?> rangeType(Object key) {
        return key instanceof Double d && !d.isNaN() || key instanceof Instant ? key.getClass() : null;
    }

    private void build(Supplier<Stream<DocumentWithPosition<Object>>> all) {
        if (!built) {
            try (Stream<DocumentWithPosition<Object>> documents = all.get()) {
                documents.forEach(d -> put(d.getPosition(), d.getDocument()));
            }
            built = true;
        }
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (built) {
            put(position, document);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        if (built) {
            take(Missing.ofNullable(document.get("_id")));
        }
        return null;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        if (built) {
            take(position);
            put(position, newDocument);
        }
    }

    @Override
    public synchronized void drop() {
        positionsByValue.clear();
        anyValue.clear();
        valueByPosition.clear();
        byPrefix.clear();
        anyPrefix.clear();
        placementByPosition.clear();
        built = false;
    }

    @Override
    public synchronized long getCount() {
        return valueByPosition.size();
    }

    private void put(Object position, Document document) {
        if (fields.size() > 1) {
            place(position, document);
        }
        Object key = keyOf(valueAt(document, field));
        if (key == null) {
            return;
        }
        valueByPosition.put(position, key);
        if (key == ANY) {
            anyValue.add(position);
        } else {
            positionsByValue.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(position);
        }
    }

    /** Files the document under its prefix; one whose leading field is missing, null or embedded cannot match. */
    private void place(Object position, Document document) {
        List<Object> prefix = new ArrayList<>(fields.size() - 1);
        for (String leading : fields.subList(0, fields.size() - 1)) {
            Object key = keyOf(valueAt(document, leading));
            if (key == null) {
                return;
            }
            if (key == ANY) {
                anyPrefix.add(position);
                placementByPosition.put(position, new Placement(null, null));
                return;
            }
            prefix.add(key);
        }
        Object last = keyOf(valueAt(document, fields.get(fields.size() - 1)));
        Class<?> type = rangeType(last);
        List<Object> key = List.copyOf(prefix);
        Bucket bucket = byPrefix.computeIfAbsent(key, p -> new Bucket());
        if (type == null) {
            bucket.unordered.add(position);
            placementByPosition.put(position, new Placement(key, ANY));
        } else {
            bucket.ordered.computeIfAbsent(type, t -> new TreeMap<>())
                    .computeIfAbsent(last, v -> new LinkedHashSet<>()).add(position);
            placementByPosition.put(position, new Placement(key, last));
        }
    }

    private void unplace(Object position) {
        Placement placement = placementByPosition.remove(position);
        if (placement == null) {
            return;
        }
        if (placement.prefix() == null) {
            anyPrefix.remove(position);
            return;
        }
        Bucket bucket = byPrefix.get(placement.prefix());
        if (bucket == null) {
            return;
        }
        if (placement.last() == ANY) {
            bucket.unordered.remove(position);
        } else {
            NavigableMap<Object, Set<Object>> byValue = bucket.ordered.get(placement.last().getClass());
            Set<Object> positions = byValue == null ? null : byValue.get(placement.last());
            if (positions != null && positions.remove(position) && positions.isEmpty()) {
                byValue.remove(placement.last());
                if (byValue.isEmpty()) {
                    bucket.ordered.remove(placement.last().getClass());
                }
            }
        }
        if (bucket.isEmpty()) {
            byPrefix.remove(placement.prefix());
        }
    }

    private void take(Object position) {
        unplace(position);
        Object key = valueByPosition.remove(position);
        if (key == ANY) {
            anyValue.remove(position);
        } else if (key != null) {
            Set<Object> positions = positionsByValue.get(key);
            if (positions != null && positions.remove(position) && positions.isEmpty()) {
                positionsByValue.remove(key);
            }
        }
    }

    /** The field's value by a dotted path; {@link #ANY} when the path crosses an array. */
    static Object valueAt(Document document, String path) {
        Object value = document;
        for (String part : path.split("\\.")) {
            if (value instanceof Collection<?>) {
                return ANY;
            }
            if (!(value instanceof Document d)) {
                return null;
            }
            value = d.get(part);
        }
        return value;
    }

    /** The lookup key of a stored or queried value: null when no plain equality can match it, ANY when unsure. */
    private static Object keyOf(Object value) {
        if (value == null || value == ANY) {
            return value;
        }
        if (value instanceof Number n) {
            // -0.0 equals 0 in a query, but not as a Double key
            return n.doubleValue() == 0 ? 0.0 : n.doubleValue();
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Instant
                || value instanceof ObjectId || value instanceof UUID) {
            return value;
        }
        if (value instanceof Document || value instanceof Missing) {
            return null;
        }
        return ANY;
    }

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    /** The library's own planner never picks it: {@link IndexNarrowedH2Collection} asks it for candidates. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("use candidates()");
    }

    @Override
    public long getDataSize() {
        return 0;
    }
}
