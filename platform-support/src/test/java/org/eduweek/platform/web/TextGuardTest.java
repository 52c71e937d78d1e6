package org.eduweek.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class TextGuardTest {

    record Note(String text) {
    }

    record Tags(java.util.List<String> tags) {
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
                .isInstanceOf(TextGuard.InputRuleException.class).hasMessageContaining("control characters");
        assertThatThrownBy(() -> json.readValue("{\"text\":\"esc\\u001b[31m\"}", Note.class))
                .isInstanceOf(TextGuard.InputRuleException.class);
    }

    @Test
    void refusesTextLongerThanTheLimit() {
        String longest = "x".repeat(TextGuard.MAX_LENGTH);
        assertThat(json.readValue("{\"text\":\"" + longest + "\"}", Note.class).text()).hasSize(TextGuard.MAX_LENGTH);
        assertThatThrownBy(() -> json.readValue("{\"text\":\"" + longest + "y\"}", Note.class))
                .isInstanceOf(TextGuard.InputRuleException.class).hasMessageContaining("longer than");
    }

    @Test
    void refusesAListOfMoreEntriesThanTheLimit() {
        String many = "[" + "\"t\",".repeat(TextGuard.MAX_ENTRIES) + "\"t\"]";
        assertThat(json.readValue("{\"tags\":[\"a\",\"b\"]}", Tags.class).tags()).containsExactly("a", "b");
        assertThatThrownBy(() -> json.readValue("{\"tags\":" + many + "}", Tags.class))
                .isInstanceOf(TextGuard.InputRuleException.class).hasMessageContaining("more than 1000 entries");
    }

    @Test
    void aBrokenRuleIsAFieldProblemInTheAnswer() {
        var unreadable = new org.springframework.http.converter.HttpMessageNotReadableException("unreadable",
                catchJackson(() -> json.readValue("{\"text\":\"bad\\u0000\"}", Note.class)),
                new org.springframework.mock.http.MockHttpInputMessage(new byte[0]));

        var problem = ProblemDetailsHandler.malformed(unreadable);

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType().toString()).endsWith("/validation");
        assertThat(problem.getProperties().get("errors").toString()).contains("text")
                .contains("must not contain control characters");
    }

    private static Throwable catchJackson(Runnable read) {
        try {
            read.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected the read to fail");
    }
}
