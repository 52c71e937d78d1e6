package org.eduweek.analytics.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.eduweek.analytics.support.Samples;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The records this service publishes still serialize exactly to the golden samples consumers rely on. */
class PublishedEventContractTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void sessionStatsSerializesToItsGoldenSample() {
        SessionStats stats = new SessionStats("ses-fair-2020", "iew-2020", "act-education-fair",
                "trk-talent-cultivation", Map.of("en", "International Education Fair", "zh", "国际教育展"),
                Instant.parse("2020-10-21T01:00:00Z"), Instant.parse("2020-10-21T04:00:00Z"), "Asia/Shanghai",
                "HYBRID", "Pingyuan", "PUBLISHED", new Capacity(350, 500), 320, 12, 7, 280, 0, 0.3765, 12, 0.875,
                new Demand(false, 0.0141), Instant.parse("2020-10-21T03:00:00Z"));
        assertThat(json.readTree(json.writeValueAsString(stats))).isEqualTo(json.readTree(Samples.own("SessionStats")));
        assertThat(json.readValue(Samples.own("SessionStats"), SessionStats.class)).isEqualTo(stats);
    }

    @Test
    void editionSummarySerializesToItsGoldenSample() {
        EditionSummary summary = new EditionSummary("iew-2020", 33, 4210, 95, 240, 3100, 410, 0.81, 0.88,
                Map.of("EMAIL", 9800L, "SMS", 4100L), Map.of("EMAIL", 3L, "SMS", 12L), 2,
                Instant.parse("2020-10-31T12:00:00Z"));
        assertThat(json.readTree(json.writeValueAsString(summary)))
                .isEqualTo(json.readTree(Samples.own("EditionSummary")));
    }
}
