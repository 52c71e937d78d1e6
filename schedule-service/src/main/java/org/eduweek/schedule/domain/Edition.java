package org.eduweek.schedule.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One year's International Education Week: its dates are inclusive local dates in {@code timeZone}. */
@Document("editions")
public record Edition(
        @Id String id,
        Bilingual name,
        Bilingual description,
        String hostInstitution,
        LocalDate startDate,
        LocalDate endDate,
        String timeZone,
        List<String> campuses,
        boolean sampleData,
        Instant createdAt) {

    public Edition {
        campuses = campuses == null ? List.of() : List.copyOf(campuses);
        description = description == null ? new Bilingual(null, null) : description;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Instant opens() {
        return startDate.atStartOfDay(zone()).toInstant();
    }

    public Instant closes() {
        return endDate.plusDays(1).atStartOfDay(zone()).toInstant();
    }

    public boolean covers(Instant start, Instant end) {
        return !start.isBefore(opens()) && !end.isAfter(closes());
    }
}
