package org.eduweek.schedule.domain;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("speakers")
public record Speaker(@Id String id, Bilingual name, String affiliation, String institutionId, Bilingual bio,
        boolean sampleData) {
}
