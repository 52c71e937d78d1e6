package org.eduweek.schedule.domain;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("activities")
public record Activity(
        @Id String id,
        @Indexed String editionId,
        String trackId,
        ActivityType type,
        ActivityCategory category,
        Bilingual title,
        Bilingual description,
        String organizer,
        List<String> institutionIds,
        boolean sampleData) {

    public Activity {
        institutionIds = institutionIds == null ? List.of() : List.copyOf(institutionIds);
        category = category == null ? ActivityCategory.OTHER : category;
        description = description == null ? new Bilingual(null, null) : description;
    }
}
