package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A control character (other than a horizontal tab) in any request header, read by the gateway or not, ends the
 * request at the edge with a 400 problem: the services never see it.
 */
class HostileHeadersIT extends GatewayTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = { 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x0d, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x8d, 0x9b, 0x9f })
    void aControlCharacterInAnUnreadHeaderValueIsRefused(int control) throws Exception {
        String path = "/api/schedule/sessions/hostile-" + UUID.randomUUID();
        RawHttp.Response response = RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nX-Note: a" + (char) control + "b");
        assertMalformedRequest(response, path);
        assertThat(BACKEND.requestsTo(path)).isEmpty();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = { 0x01, 0x1b, 0x7f, 0x85, 0x9b })
    void aControlCharacterInAHeaderNameIsRefused(int control) throws Exception {
        String path = "/api/schedule/sessions/hostile-" + UUID.randomUUID();
        RawHttp.Response response = RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nX-N" + (char) control + "te: 1");
        assertMalformedRequest(response, path);
        assertThat(BACKEND.requestsTo(path)).isEmpty();
    }

    @Test
    void aControlCharacterInAHeaderOfAWriteIsRefusedBeforeTheBodyIsRead() throws Exception {
        String path = "/api/registrations/hostile-" + UUID.randomUUID();
        RawHttp.Response response = RawHttp.send(port, "POST " + path + " HTTP/1.1\r\nContent-Type: application/json"
                + "\r\nContent-Length: 0\r\nX-Forwarded-Host: evil\u0085.example");
        assertMalformedRequest(response, path);
        assertThat(BACKEND.requestsTo(path)).isEmpty();
    }

    @Test
    void tabsAndLatin1TextInHeaderValuesPass() throws Exception {
        String path = "/api/schedule/sessions/tab-" + UUID.randomUUID();
        RawHttp.Response response = RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nX-Note: a\tb\r\nX-Name: caf\u00e9");
        assertThat(response.status()).isEqualTo(200);
        assertThat(BACKEND.requestsTo(path)).singleElement()
                .satisfies(r -> assertThat(r.header("X-Note")).matches("a[\t ]b"));
    }

    private static void assertMalformedRequest(RawHttp.Response response, String path) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://eduweek.org/problems/malformed-request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).isEqualTo(path);
        assertThat(problem.path("errors").isArray()).isTrue();
    }
}
