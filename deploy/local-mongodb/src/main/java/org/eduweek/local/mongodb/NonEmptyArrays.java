package org.eduweek.local.mongodb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The documents whose top-level field has an element 0 (a non-empty array, or an embedded document with a field
 * named "0"): what {@code {field.0: {$exists: true}}} asks for. That is the outbox relays' safety sweep, every 10 s
 * in every service; without this it would read the whole collection each time, at a cost growing with the data, to
 * find the few documents with events still to publish.
 *
 * <p>Per field, built by one scan the first time a query asks for it, then kept current by the collection's inserts,
 * updates and removals, which like the queries run under the collection's lock. In memory only: a restart builds it
 * again on first use. Only narrows: the collection matches the whole query on these candidates.
 */
final class NonEmptyArrays {

    private final ObjectDataType storeOrder = new ObjectDataType();
    private final Map<String, Set<Object>> positionsByField = new HashMap<>();

    /**
     * The top-level field whose element 0 the query requires to exist, at its top level or in a clause of a top-level
     * {@code $and}; null when there is none.
     */
    static String fieldRequired(Document query) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String key = entry.getKey();
            if ("$and".equals(key) && entry.getValue() instanceof Collection<?> clauses) {
                for (Object clause : clauses) {
                    String field = clause instanceof Document c ? fieldRequired(c) : null;
                    if (field != null) {
                        return field;
                    }
                }
            } else if (key.endsWith(".0") && key.indexOf('.') == key.length() - 2 && !key.startsWith("$")
                    && entry.getValue() instanceof Document condition && isTrue(condition.get("$exists"))) {
                return key.substring(0, key.length() - 2);
            }
        }
        return null;
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || value instanceof Number n && n.doubleValue() != 0;
    }

    static boolean hasElementZero(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Collection<?> c && !c.isEmpty() || value instanceof Document d && d.containsKey("0");
    }

    /** The positions of the documents whose field has an element 0, in the store's key order. */
    synchronized List<Object> candidates(String field, Supplier<Stream<DocumentWithPosition<Object>>> all) {
        Set<Object> positions = positionsByField.get(field);
        if (positions == null) {
            Set<Object> built = new LinkedHashSet<>();
            try (Stream<DocumentWithPosition<Object>> documents = all.get()) {
                documents.filter(d -> hasElementZero(d.getDocument(), field)).forEach(d -> built.add(d.getPosition()));
            }
            positionsByField.put(field, built);
            positions = built;
        }
        List<Object> sorted = new ArrayList<>(positions);
        sorted.sort(storeOrder::compare);
        return sorted;
    }

    /** A document stored or changed at this position. */
    synchronized void stored(Object position, Document document) {
        positionsByField.forEach((field, positions) -> {
            if (hasElementZero(document, field)) {
                positions.add(position);
            } else {
                positions.remove(position);
            }
        });
    }

    synchronized void removed(Object position) {
        positionsByField.values().forEach(positions -> positions.remove(position));
    }

    synchronized void clear() {
        positionsByField.clear();
    }

    /** Fields tracked so far, and how many documents each has with an element 0. */
    synchronized Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new HashMap<>();
        positionsByField.forEach((field, positions) -> sizes.put(field, positions.size()));
        return sizes;
    }
}
