package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every refusal the gateway itself sends is an RFC 9457 body in the contract's shape, whatever layer refuses. */
class ProblemBodiesIT extends GatewayTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void firewallRefusesAnEncodedDotDotPathWithAProblem() throws Exception {
        String path = "/api/schedule/%2e%2e/registrations";
        RawHttp.Response response = RawHttp.send(port, "GET " + path + " HTTP/1.1");
        assertProblem(response, 400, "malformed-request", path);
        assertThat(BACKEND.requestsTo("/api/registrations")).noneMatch(r -> r.path().contains(".."));
    }

    @Test
    void firewallRefusesASemicolonInThePathWithAProblem() throws Exception {
        String path = "/api/schedule/sessions;jsessionid=" + UUID.randomUUID();
        assertProblem(RawHttp.send(port, "GET " + path + " HTTP/1.1"), 400, "malformed-request", path);
        assertThat(BACKEND.requestsTo("/api/schedule/sessions;")).isEmpty();
    }

    @Test
    void firewallRefusesAControlCharacterInTheAuthorizationHeaderWithAProblem() throws Exception {
        // U+0085 (a C1 control) passes Netty's header checks; the strict firewall refuses it in a header it reads.
        String path = "/api/registrations/firewall-" + UUID.randomUUID();
        RawHttp.Response response = RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nAuthorization: Bearer caf\u0085e");
        assertProblem(response, 400, "malformed-request", path);
        assertThat(BACKEND.requestsTo(path)).isEmpty();
    }

    @Test
    void undecodableRequestGetsA400Problem() throws Exception {
        String path = "/api/schedule/sessions";
        assertProblem(RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nX Bad Name: 1"), 400, "malformed-request",
                path);
    }

    @Test
    void oversizedHeadersGetA431Problem() throws Exception {
        String path = "/api/schedule/sessions";
        RawHttp.Response response = RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nX-Padding: " + "x".repeat(20 * 1024));
        assertProblem(response, 431, "request-header-fields-too-large", path);
    }

    @Test
    void oversizedBodyGetsA413Problem() {
        byte[] big = new byte[2 * 1024 * 1024];
        String path = "/api/registrations/big-" + UUID.randomUUID();
        assertProblem(client().post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.participant("bob")))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(big).exchange(), 413, "payload-too-large",
                path);
    }

    @Test
    void corsPreflightFromAnotherOriginGetsA403Problem() {
        assertProblem(client().options().uri("/api/registrations").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").exchange(), 403, "cors-origin-refused",
                "/api/registrations");
    }

    @Test
    void corsRequestFromAnotherOriginGetsA403Problem() {
        String path = "/api/schedule/sessions/cors-" + UUID.randomUUID();
        assertProblem(client().get().uri(path).header(HttpHeaders.ORIGIN, "https://evil.example").exchange(), 403,
                "cors-origin-refused", path);
        assertThat(BACKEND.requestsTo(path)).isEmpty();
    }

    private static void assertProblem(WebTestClient.ResponseSpec spec, int status, String slug, String instance) {
        byte[] body = spec.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();
        assertThat(body).as("problem body").isNotNull();
        assertFields(JSON.readTree(body), status, slug, instance);
    }

    private static void assertProblem(RawHttp.Response response, int status, String slug, String instance) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.body()).as("problem body").isNotBlank();
        assertFields(JSON.readTree(response.body()), status, slug, instance);
    }

    private static void assertFields(JsonNode problem, int status, String slug, String instance) {
        assertThat(problem.path("type").asString()).isEqualTo("https://eduweek.org/problems/" + slug);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).isEqualTo(instance);
        assertThat(problem.path("errors").isArray()).isTrue();
    }
}
