package org.eduweek.schedule.domain;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A partner university or organisation; {@code country} is an ISO 3166 alpha-2 code. */
@Document("institutions")
public record Institution(@Id String id, Bilingual name, String country, String website, boolean sampleData) {
}
