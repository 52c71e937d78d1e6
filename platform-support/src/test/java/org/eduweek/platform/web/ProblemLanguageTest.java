package org.eduweek.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/** Problem bodies speak the caller's language; their machine members do not change with it. */
class ProblemLanguageTest {

    record Thing(@NotBlank String name, @Min(1) int seats) {
    }

    @RestController
    static class ThingController {
        @PostMapping("/things")
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/things/{id}")
        Thing one(@PathVariable String id) {
            throw ApiException.notFound("Session", id);
        }

        @GetMapping("/forbidden")
        Thing forbidden() {
            throw new org.springframework.security.access.AccessDeniedException("no");
        }

        @GetMapping("/limit")
        Thing limit() {
            throw ApiException.badField("title", TextGuard.problem("x".repeat(300), 200, false));
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ThingController())
            .setControllerAdvice(new ProblemDetailsHandler()).build();

    private Map<?, ?> body(MockHttpServletResponse response) throws Exception {
        return JSON.readValue(response.getContentAsString(StandardCharsets.UTF_8), Map.class);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String language) throws Exception {
        if (language != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "zh", "zh-CN", "zh-Hans", "zh-Hans-CN", "zh-CN,zh;q=0.9,en;q=0.8" })
    void chineseCallersReadChinese(String language) throws Exception {
        MockHttpServletResponse response = perform(get("/things/s-42"), language);
        Map<?, ?> body = body(response);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getHeader(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("zh");
        assertThat(body.get("type")).isEqualTo("https://eduweek.org/problems/not-found");
        assertThat(body.get("title")).isEqualTo("未找到");
        assertThat(body.get("detail")).isEqualTo("会议“s-42”不存在");
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "en-GB", "fr", "de-DE,fr;q=0.5", "" })
    void everyoneElseReadsEnglish(String language) throws Exception {
        MockHttpServletResponse response = perform(get("/things/s-42"), language.isEmpty() ? null : language);
        Map<?, ?> body = body(response);
        assertThat(response.getHeader(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("en");
        assertThat(body.get("title")).isEqualTo("Not Found");
        assertThat(body.get("detail")).isEqualTo("Session 's-42' does not exist");
    }

    @Test
    void validationKeepsTypeStatusAndFieldsInBothLanguages() throws Exception {
        var request = post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"seats\":0}");
        MockHttpServletResponse en = perform(request, "en");
        MockHttpServletResponse zh = perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\" \",\"seats\":0}"), "zh-CN");
        Map<?, ?> english = body(en);
        Map<?, ?> chinese = body(zh);
        assertThat(zh.getStatus()).isEqualTo(en.getStatus()).isEqualTo(400);
        assertThat(chinese.get("type")).isEqualTo(english.get("type"))
                .isEqualTo("https://eduweek.org/problems/validation");
        assertThat(fields(chinese)).containsExactlyInAnyOrderElementsOf(fields(english)).containsExactlyInAnyOrder("name", "seats");
        assertThat(english.get("title")).isEqualTo("Invalid request");
        assertThat(chinese.get("title")).isEqualTo("请求无效");
        assertThat(messages(english)).allMatch(m -> m.chars().allMatch(c -> c < 0x80));
        assertThat(messages(chinese)).allMatch(ProblemLanguageTest::hasChinese);
        assertThat((String) chinese.get("detail")).matches(d -> hasChinese(d));
    }

    @Test
    void malformedForbiddenAndInputLimitsAreTranslated() throws Exception {
        Map<?, ?> malformed = body(perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":"), "zh"));
        assertThat(malformed.get("type")).isEqualTo("https://eduweek.org/problems/malformed-request");
        assertThat(malformed.get("detail")).isEqualTo("请求体不是有效的 JSON");

        Map<?, ?> forbidden = body(perform(get("/forbidden"), "zh"));
        assertThat(forbidden.get("title")).isEqualTo("无权操作");
        assertThat(forbidden.get("detail")).isEqualTo("您无权执行此操作");

        Map<?, ?> limit = body(perform(get("/limit"), "zh"));
        assertThat(fields(limit)).containsExactly("title");
        assertThat(messages(limit)).containsExactly("长度超过 200 个字符");
        assertThat(limit.get("detail")).isEqualTo("title：长度超过 200 个字符");
    }

    @Test
    void unknownTextStaysEnglishAndPartsAreKept() {
        ProblemMessages messages = ProblemMessages.shared();
        assertThat(messages.translate("Something nobody wrote a template for", Locale.CHINESE))
                .isEqualTo("Something nobody wrote a template for");
        assertThat(messages.translate("A valid bearer token is required: The token has no expiry (exp)",
                Locale.CHINESE)).isEqualTo("需要有效的访问令牌：此令牌没有过期时间（exp）");
        assertThat(messages.translate("is longer than 200 characters", Locale.ENGLISH))
                .isEqualTo("is longer than 200 characters");
    }

    @Test
    void everySharedEnglishTemplateHasAChineseText() throws Exception {
        java.util.Properties english = new java.util.Properties();
        try (var in = new java.io.InputStreamReader(
                getClass().getResourceAsStream("/org/eduweek/platform/web/messages.properties"), StandardCharsets.UTF_8)) {
            english.load(in);
        }
        assertThat(english).hasSizeGreaterThan(50);
        english.forEach((key, value) -> {
            String sample = ((String) value).replaceAll("\\{(\\d+)}", "v$1");
            String chinese = ProblemMessages.shared().translate(sample, Locale.CHINESE);
            if ("detail.validation-fields".equals(key)) {
                assertThat(chinese).isEqualTo("v0：v1");
            } else {
                assertThat(chinese).as("%s = %s", key, sample).matches(ProblemLanguageTest::hasChinese);
            }
        });
    }

    private static List<Object> fields(Map<?, ?> body) {
        return ((List<?>) body.get("errors")).stream().map(e -> ((Map<?, ?>) e).get("field")).map(Object.class::cast)
                .toList();
    }

    private static List<String> messages(Map<?, ?> body) {
        return ((List<?>) body.get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("message")).toList();
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
