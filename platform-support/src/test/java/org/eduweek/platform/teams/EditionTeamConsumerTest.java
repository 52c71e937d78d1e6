package org.eduweek.platform.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.eduweek.platform.messaging.UnreadableEventException;

import tools.jackson.databind.json.JsonMapper;

class EditionTeamConsumerTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheContractShape() {
        EditionTeam team = EditionTeamConsumer.parse(json, """
                {"editionId":"ed-1","version":3,"members":[{"subject":"s-1","name":"Li Wei","email":"li@example.org",
                "addedBy":"admin-1","addedAt":"2026-12-01T08:00:00Z"}],"updatedAt":"2026-12-01T08:00:01Z",
                "somethingAddedLater":true}""");
        assertThat(team.editionId()).isEqualTo("ed-1");
        assertThat(team.version()).isEqualTo(3);
        assertThat(team.has("s-1")).isTrue();
        assertThat(team.has("s-2")).isFalse();
        assertThat(team.members().get(0).addedAt()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
    }

    @Test
    void anUnreadableRecordOrOneWithoutEditionIsUnreadable() {
        assertThatThrownBy(() -> EditionTeamConsumer.parse(json, "{not json"))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> EditionTeamConsumer.parse(json, "{\"version\":1,\"members\":[]}"))
                .isInstanceOf(UnreadableEventException.class);
    }
}
