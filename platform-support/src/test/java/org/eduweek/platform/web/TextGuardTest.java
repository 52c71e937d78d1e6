package org.eduweek.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class TextGuardTest {

    record Note(String text) {
    }

    private final JsonMapper json = JsonMapper.builder().addModule(TextGuard.module()).build();

    @Test
    void keepsLineBreaksAndTabsAndNonLatinText() {
        assertThat(json.readValue("{\"text\":\"第一行\\n\\tsecond line\\r\\n\"}", Note.class).text())
                .isEqualTo("第一行\n\tsecond line\r\n");
    }

    @Test
    void refusesControlCharactersNamingTheRule() {
        assertThatThrownBy(() -> json.readValue("{\"text\":\"bad\\u0000\"}", Note.class))
                .isInstanceOf(TextGuard.InvalidTextException.class).hasMessageContaining("control characters");
        assertThatThrownBy(() -> json.readValue("{\"text\":\"esc\\u001b[31m\"}", Note.class))
                .isInstanceOf(TextGuard.InvalidTextException.class);
    }

    @Test
    void refusesTextLongerThanTheLimit() {
        String longest = "x".repeat(TextGuard.MAX_LENGTH);
        assertThat(json.readValue("{\"text\":\"" + longest + "\"}", Note.class).text()).hasSize(TextGuard.MAX_LENGTH);
        assertThatThrownBy(() -> json.readValue("{\"text\":\"" + longest + "y\"}", Note.class))
                .isInstanceOf(TextGuard.InvalidTextException.class).hasMessageContaining("longer than");
    }
}
