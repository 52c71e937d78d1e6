package org.eduweek.schedule.web;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

import org.eduweek.platform.web.ApiException;
import org.eduweek.schedule.domain.Capacity;
import org.eduweek.schedule.domain.Programme;
import org.eduweek.schedule.domain.SessionData;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Pages of compact session summaries: what a programme listing shows, without descriptions or both texts. The
 * serialized answer is kept per programme snapshot, so repeated listings of a whole edition (the portal's main page)
 * cost a lookup and a socket write, not 1,000 objects serialized again.
 */
@Component
public class SessionPages {

    public static final int MAX_SIZE = 1000;
    private static final int CACHED_ANSWERS = 64;

    private final JsonMapper json;
    private Object cachedSnapshot;
    private final Map<String, byte[]> answers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED_ANSWERS;
        }
    };

    /**
     * The same answer gzipped once: a whole edition is ~320 KiB of JSON but ~25 KiB compressed, which is what a
     * browser (and the gateway hop) then moves for every repeated listing.
     */
    public byte[] pageGzip(Programme.Result result, String question, int page, int size, String lang) {
        String key = "gzip|" + question + "|" + page + "|" + size + "|" + lang;
        synchronized (answers) {
            byte[] hit = cachedSnapshot == result.snapshot() ? answers.get(key) : null;
            if (hit != null) {
                return hit;
            }
        }
        byte[] plain = pageJson(result, question, page, size, lang);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(plain.length / 8);
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] body = out.toByteArray();
        synchronized (answers) {
            if (cachedSnapshot == result.snapshot()) {
                answers.put(key, body);
            }
        }
        return body;
    }

    public SessionPages(JsonMapper json) {
        this.json = json;
    }

    /** The JSON of one page, from the cache when this snapshot already answered the same question. */
    public byte[] pageJson(Programme.Result result, String question, int page, int size, String lang) {
        String key = question + "|" + page + "|" + size + "|" + lang;
        synchronized (answers) {
            if (cachedSnapshot != result.snapshot()) {
                answers.clear();
                cachedSnapshot = result.snapshot();
            }
            byte[] hit = answers.get(key);
            if (hit != null) {
                return hit;
            }
        }
        byte[] body = json.writeValueAsBytes(page(result.entries(), page, size, lang));
        synchronized (answers) {
            if (cachedSnapshot == result.snapshot()) {
                answers.put(key, body);
            }
        }
        return body;
    }

    @Schema(description = "A page of the programme, sorted by start time")
    public record Page(List<Summary> items, int page, int size, long total, String lang) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String id, String editionId, String activityId, String trackId, String status,
            long sequence, String title, OffsetDateTime start, OffsetDateTime end, String timeZone, String mode,
            String campus, String building, String room, String venueId, boolean hasJoinLink, Capacity capacity,
            List<String> audience, String level, String language) {
    }

    public Page page(List<Programme.Entry> entries, int page, int size, String lang) {
        if (page < 0) {
            throw ApiException.badField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badField("size", "must be between 1 and " + MAX_SIZE);
        }
        int from = (int) Math.min((long) page * size, entries.size());
        int to = Math.min(from + size, entries.size());
        List<Summary> items = entries.subList(from, to).stream().map(e -> summary(e, lang)).toList();
        return new Page(items, page, size, entries.size(), lang);
    }

    static Summary summary(Programme.Entry e, String lang) {
        SessionData d = e.data();
        var v = d.venue();
        return new Summary(e.session().id(), e.session().editionId(), d.activityId(), d.trackId(),
                e.session().status().name(), e.session().sequence(), d.title().in(lang),
                d.start().atZone(e.displayZone()).toOffsetDateTime(), d.end().atZone(e.displayZone()).toOffsetDateTime(),
                e.displayZone().getId(), d.mode().name(), v == null ? null : v.campus(), v == null ? null : v.building(),
                v == null ? null : v.room(), v == null ? null : v.venueId(), d.joinLink() != null, d.capacity(),
                d.audience().stream().map(Enum::name).toList(), d.level(), d.language());
    }
}
