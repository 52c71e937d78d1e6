package org.eduweek.schedule.web;

import java.net.URI;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.http.ResponseEntity;

import org.eduweek.platform.web.ApiException;
import org.eduweek.schedule.store.SessionStore;

/**
 * The steps every reference-data endpoint (tracks, activities, venues, institutions, speakers) shares: the id rule,
 * a generated id when none is given, 404 for an unknown id, "exists already" on create, and a 409 instead of a
 * delete while something still refers to it. Each controller keeps its own endpoints (explicit in OpenAPI), its
 * views and its field checks; only these steps live here, once.
 */
final class ReferenceData<T> {

    /** Something that may still refer to the item: what it is ("sessions") and how many there are. */
    record Usage(String by, LongSupplier count) {

        static Usage sessionsWith(SessionStore sessions, String field, String id) {
            return new Usage("sessions", () -> sessions.countWith(field, id));
        }
    }

    private final String kind;
    private final String idPrefix;
    private final String basePath;
    private final MongoRepository<T, String> repository;

    ReferenceData(String kind, String idPrefix, String basePath, MongoRepository<T, String> repository) {
        this.kind = kind;
        this.idPrefix = idPrefix;
        this.basePath = basePath;
        this.repository = repository;
    }

    /** The id rule, as the first check of a request body's checks (so every problem is reported at once). */
    static Checks checksFor(String id) {
        return new Checks().check(EditionController.ID.matcher(id).matches(), "id", "letters, digits, '.', '_' or '-'");
    }

    T load(String id) {
        return repository.findById(id).orElseThrow(() -> ApiException.notFound(kind, id));
    }

    <V> ResponseEntity<V> create(String requestedId, Function<String, T> build, Function<T, V> view) {
        String id = requestedId != null ? requestedId : idPrefix + UUID.randomUUID().toString().substring(0, 8);
        new Checks().check(!repository.existsById(id), "id", "exists already").orThrow();
        // build (which checks the id rule) before the Location: an id with a space is a 400, not a bad URI
        T saved = repository.save(build.apply(id));
        return ResponseEntity.created(URI.create(basePath + "/" + id)).body(view.apply(saved));
    }

    <V> V replace(String id, Function<String, T> build, Function<T, V> view) {
        load(id);
        return view.apply(repository.save(build.apply(id)));
    }

    ResponseEntity<Void> delete(String id, Usage... usages) {
        load(id);
        for (Usage usage : usages) {
            Checks.inUse(kind, id, usage.count().getAsLong(), usage.by());
        }
        repository.deleteById(id);
        return ResponseEntity.noContent().build();
    }
}
