package org.eduweek.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class WholeResponseFilterTest {

    @RestController
    static class Answers {
        volatile SseEmitter emitter;

        @GetMapping("/json")
        Map<String, String> json() {
            return Map.of("title", "Opening ceremony", "titleZh", "开幕式");
        }

        @GetMapping("/events")
        SseEmitter events() {
            emitter = new SseEmitter(5_000L);
            return emitter;
        }
    }

    private final Answers answers = new Answers();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(answers).addFilters(new WholeResponseFilter()).build();

    @Test
    void aJsonAnswerGetsItsLengthAndIsWrittenOnlyWhenComplete() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/json")).andReturn().getResponse();

        byte[] body = response.getContentAsByteArray();
        assertThat(body).isNotEmpty();
        assertThat(response.getContentLength()).isEqualTo(body.length); // not set at all without the filter
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("开幕式");
    }

    @Test
    void anEventStreamIsWrittenAndFlushedEventByEvent() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/events")).andExpect(request().asyncStarted())
                .andReturn().getResponse();

        answers.emitter.send(SseEmitter.event().name("session-stats").data("{\"confirmed\":1}"));

        assertThat(response.getContentAsString()).contains("event:session-stats").contains("{\"confirmed\":1}");
        // flushed through to the client: Spring's ShallowEtagHeaderFilter kept the flush, so events waited
        assertThat(response.isCommitted()).isTrue();
        answers.emitter.complete();
    }

    @Test
    void anAnswerThatGivesItsLengthFirstIsWrittenStraightThroughNotCopied() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse raw = new MockHttpServletResponse();
        WholeResponseFilter.WholeResponse whole = new WholeResponseFilter.WholeResponse(raw, request);

        whole.setContentLength(3);
        whole.getOutputStream().write(new byte[] { 1, 2, 3 });

        assertThat(raw.getContentAsByteArray()).containsExactly(1, 2, 3); // before any copy
        assertThat(raw.getContentLength()).isEqualTo(3);
        assertThat(whole.passingThrough()).isTrue();
    }

    @Test
    void readsSpringsStreamingMark() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        ShallowEtagHeaderFilter.disableContentCaching(request);

        assertThat(request.getAttribute(WholeResponseFilter.STREAMING_ATTRIBUTE)).isNotNull();
    }
}
