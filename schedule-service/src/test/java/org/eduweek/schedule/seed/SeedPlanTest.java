package org.eduweek.schedule.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eduweek.schedule.domain.Activity;
import org.eduweek.schedule.domain.ActivityCategory;
import org.eduweek.schedule.domain.Edition;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class SeedPlanTest {

    static SeedFile seed() throws Exception {
        try (InputStream in = SeedPlanTest.class.getResourceAsStream("/seed/iew-2020.json")) {
            return JsonMapper.builder().build().readValue(in, SeedFile.class);
        }
    }

    @Test
    void theSeedFileHoldsTheFiguresOfTheNews() throws Exception {
        SeedFile seed = seed();
        Set<String> presentation = seed.activities().stream()
                .filter(a -> a.category() == ActivityCategory.PROGRAMME_PRESENTATION).map(Activity::id)
                .collect(Collectors.toSet());

        assertThat(seed.tracks()).hasSize(5).filteredOn(t -> t.assumed()).hasSize(1);
        assertThat(seed.activities()).hasSize(18);
        assertThat(seed.sessions()).filteredOn(s -> presentation.contains(s.activityId())).hasSize(33);
        assertThat(seed.activities()).filteredOn(a -> a.category() == ActivityCategory.CULTURAL).hasSize(5);
        assertThat(seed.activities()).filteredOn(a -> a.category() == ActivityCategory.TEACHER_TRAINING).hasSize(4);
        assertThat(seed.activities()).filteredOn(a -> a.category() == ActivityCategory.FORUM).hasSize(2);
        assertThat(seed.edition().campuses()).containsExactly("Pingyuan", "Tongzhou");
        assertThat(seed.edition().startDate()).isEqualTo(LocalDate.of(2020, 10, 19));
        assertThat(seed.edition().endDate()).isEqualTo(LocalDate.of(2020, 10, 31));
        assertThat(seed.about().get("howThe33AddUp").asString()).contains("16", "14", "3");
    }

    @Test
    void everySeededSessionMeetsTheRules() throws Exception {
        SeedFile seed = seed();
        List<SeedPlan.PlannedSession> planned = SeedPlan.sessions(seed, 0, false, Duration.ZERO, Instant.now());
        assertThat(planned).hasSize(seed.sessions().size());
    }

    @Test
    void demoRebaseStartsTheProgrammeTomorrowAndOneSessionSoon() throws Exception {
        SeedFile seed = seed();
        Instant now = Instant.parse("2026-11-28T15:52:00Z");
        ZoneId zone = ZoneId.of("Asia/Shanghai");

        long days = SeedPlan.rebaseDays(seed, true, now);
        List<SeedPlan.PlannedSession> planned = SeedPlan.sessions(seed, days, true, Duration.ofMinutes(45), now);
        Edition edition = SeedPlan.edition(seed, days, planned, now);

        SeedPlan.PlannedSession soon = planned.stream().filter(p -> p.id().equals(seed.demoSoonSessionId()))
                .findFirst().orElseThrow();
        assertThat(soon.data().start()).isEqualTo(Instant.parse("2026-11-28T16:40:00Z"));
        // 15:52 UTC is 23:52 in Shanghai: "tomorrow" there is 29 November
        assertThat(planned).filteredOn(p -> p != soon).allSatisfy(p -> assertThat(p.data().start().atZone(zone)
                .toLocalDate()).isAfterOrEqualTo(LocalDate.of(2026, 11, 29)));
        assertThat(edition.endDate()).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(edition.covers(soon.data().start(), soon.data().end())).isTrue();
        assertThat(SeedPlan.rebaseDays(seed, false, now)).isZero();
    }
}
