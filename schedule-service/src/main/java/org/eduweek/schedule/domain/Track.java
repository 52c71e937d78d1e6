package org.eduweek.schedule.domain;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A part of the programme (the 2020 news names four of five). {@code assumed} marks a name the source does not
 * give, so nobody mistakes it for a fact.
 */
@Document("tracks")
public record Track(@Id String id, @Indexed String editionId, Bilingual title, Bilingual description, int position,
        boolean assumed) {
}
