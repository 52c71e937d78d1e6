package org.eduweek.registration.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import org.eduweek.registration.domain.Session;
import org.eduweek.registration.support.Http;
import org.eduweek.registration.support.IntegrationTest;

/** The service's problems in the caller's language, over real HTTP: filters, security and domain rules alike. */
class ProblemLanguageIT extends IntegrationTest {

    private Http zh() {
        return http().header("Accept-Language", "zh-CN,zh;q=0.9");
    }

    private Http en() {
        return http().header("Accept-Language", "en-US");
    }

    @Test
    void validationInChineseAndEnglishWithTheSameMachineMembers() {
        String token = participant(unique("p"));
        Http.Response chinese = zh().post("/api/registrations", token, "{}");
        Http.Response english = en().post("/api/registrations", token, "{}");
        Http.Response absent = http().post("/api/registrations", token, "{}");
        assertSameMachineMembers(chinese, english);
        assertSameMachineMembers(absent, english);
        assertThat(chinese.header("Content-Language")).isEqualTo("zh");
        assertThat(english.header("Content-Language")).isEqualTo("en");
        assertThat(chinese.json().get("title").asString()).isEqualTo("请求无效");
        assertThat(english.json().get("title").asString()).isEqualTo("Invalid request");
        assertThat(absent.json().get("title").asString()).isEqualTo("Invalid request");
        assertThat(chinese.json().get("errors").get(0).get("message").asString()).matches(ProblemLanguageIT::chinese);
        assertThat(english.json().get("errors").get(0).get("message").asString()).isEqualTo("must not be blank");
    }

    @Test
    void notFoundConflictAndUnauthorizedSpeakChinese() {
        String token = participant(unique("p"));
        Http.Response missing = zh().post("/api/registrations", token, "{\"sessionId\":\"nowhere-1\"}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asString()).isEqualTo("https://eduweek.org/problems/not-found");
        assertThat(missing.json().get("detail").asString()).isEqualTo("会议“nowhere-1”不存在");

        Session s = publishSession(5);
        clock.advance(Duration.ofDays(11));
        Http.Response started = zh().post("/api/registrations", token, "{\"sessionId\":\"" + s.id() + "\"}");
        Http.Response startedEn = en().post("/api/registrations", token, "{\"sessionId\":\"" + s.id() + "\"}");
        assertSameMachineMembers(started, startedEn);
        assertThat(started.status()).isEqualTo(409);
        assertThat(started.json().get("title").asString()).isEqualTo("冲突");
        assertThat(started.json().get("detail").asString()).endsWith("已经开始");
        assertThat(started.json().get("errors").get(0).get("message").asString()).isEqualTo("会议已经开始");
        assertThat(startedEn.json().get("detail").asString()).endsWith("has already started");
        clock.reset();

        Http.Response anonymous = zh().get("/api/registrations/mine", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Language")).isEqualTo("zh");
        assertThat(anonymous.json().get("type").asString()).isEqualTo("https://eduweek.org/problems/unauthorized");
        assertThat(anonymous.json().get("detail").asString()).startsWith("需要有效的访问令牌");
    }

    @Test
    void profileFieldProblemsAndInputLimitsSpeakChinese() {
        String token = participant(unique("p"));
        Http.Response profile = zh().put("/api/registrations/me/profile", token,
                "{\"email\":\"not-an-address\",\"country\":\"Narnia\",\"timeZone\":\"Asia/Peking\"}");
        Http.Response profileEn = en().put("/api/registrations/me/profile", token,
                "{\"email\":\"not-an-address\",\"country\":\"Narnia\",\"timeZone\":\"Asia/Peking\"}");
        assertSameMachineMembers(profile, profileEn);
        assertThat(profile.status()).isEqualTo(400);
        assertThat(messages(profile)).allMatch(ProblemLanguageIT::chinese);
        assertThat(messages(profileEn)).contains("must be an email address",
                "must be an IANA time zone id, e.g. Asia/Shanghai");
        assertThat(fields(profile)).contains("timeZone");

        Http.Response tooLong = zh().put("/api/registrations/me/profile", token,
                "{\"name\":\"" + "x".repeat(10_001) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(messages(tooLong)).containsExactly("长度超过 10000 个字符");
    }

    @Test
    void withoutAcceptLanguageTheTokensLocaleClaimDecides() {
        String chineseToken = participant(unique("p"), java.util.Map.of("locale", "zh-CN"));
        Http.Response claimed = http().post("/api/registrations", chineseToken, "{}");
        assertThat(claimed.header("Content-Language")).isEqualTo("zh");
        assertThat(claimed.json().get("title").asString()).isEqualTo("请求无效");
        Http.Response asked = en().post("/api/registrations", chineseToken, "{}");
        assertThat(asked.header("Content-Language")).isEqualTo("en");
    }

    private static void assertSameMachineMembers(Http.Response a, Http.Response b) {
        assertThat(a.status()).isEqualTo(b.status());
        assertThat(a.json().get("type").asString()).isEqualTo(b.json().get("type").asString());
        assertThat(a.json().get("status").asInt()).isEqualTo(b.json().get("status").asInt());
        assertThat(fields(a)).containsExactlyInAnyOrderElementsOf(fields(b));
    }

    private static List<String> fields(Http.Response r) {
        return StreamSupport.stream(r.json().get("errors").spliterator(), false).map(e -> e.get("field").asString())
                .toList();
    }

    private static List<String> messages(Http.Response r) {
        return StreamSupport.stream(r.json().get("errors").spliterator(), false).map(e -> e.get("message").asString())
                .toList();
    }

    private static boolean chinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
