package org.eduweek.schedule.domain;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One publication of an edition's draft programme: which sessions it scheduled, changed or cancelled. The
 * changelog between two releases is the concatenation of the entries of the releases after the first up to the second.
 */
@Document("releases")
@CompoundIndex(name = "edition_number", def = "{'editionId': 1, 'number': 1}", unique = true)
public record Release(@Id String id, String editionId, int number, String note, String publishedBy,
        Instant publishedAt, List<Entry> entries) {

    public record Entry(String sessionId, String eventType, long sequence, List<Change> changes, String title) {
    }
}
