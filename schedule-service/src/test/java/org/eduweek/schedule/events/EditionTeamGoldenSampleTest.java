package org.eduweek.schedule.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.eduweek.platform.teams.EditionTeam;
import org.eduweek.platform.teams.TeamMember;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A team as schedule-service writes it to schedule.edition-teams.v1 must serialize to exactly the golden sample. */
class EditionTeamGoldenSampleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void editionTeamChangedMatchesItsGoldenSample() throws Exception {
        EditionTeam team = new EditionTeam("iew-2020", 3, List.of(
                new TeamMember("6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "Li Wei", "li.wei@bjut.edu.cn",
                        "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", Instant.parse("2020-09-01T02:00:00Z")),
                new TeamMember("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", "王芳", null,
                        "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", Instant.parse("2020-09-03T06:30:00Z"))),
                Instant.parse("2020-09-03T06:30:00Z"));

        JsonNode expected = JSON.readTree(Files.readString(Path.of("src/test/resources/events/EditionTeamChanged.v1.json")));
        assertThat(JSON.readTree(JSON.writeValueAsString(team))).isEqualTo(expected);
        assertThat(JSON.readValue(JSON.writeValueAsString(expected), EditionTeam.class)).isEqualTo(team);
    }
}
