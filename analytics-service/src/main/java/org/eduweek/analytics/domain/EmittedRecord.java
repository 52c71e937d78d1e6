package org.eduweek.analytics.domain;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What was last published for one key of an output topic ({@code id} = topic + key): a SHA-256 of the record's JSON
 * without {@code updatedAt}. Kept so that a record that differs only in its timestamp is not published again, not
 * even after a restart.
 */
@Document("emitted")
public record EmittedRecord(@Id String id, String fingerprint) {
}
