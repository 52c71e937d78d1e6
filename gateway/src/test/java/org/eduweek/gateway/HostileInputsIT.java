package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eduweek.platform.testing.HostileRequests;
import org.eduweek.platform.testing.HostileRequests.Hostile;
import org.eduweek.platform.testing.HostileRequests.Raw;
import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Malformed and hostile requests ({@link HostileRequests}) at the gateway's own endpoints, with the portal's sign-in
 * on: {@code /auth/me}, {@code /auth/logout}, the dev identity outside the local profile, and the API edge. Each gets
 * a 4xx problem with no leak, and none reaches a service.
 */
class HostileInputsIT extends GatewayTestBase {

    static final StubOpenIdProvider PROVIDER = StubOpenIdProvider.started();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("OIDC_ISSUER_URI", PROVIDER::issuer);
        registry.add("OIDC_CLIENT_ID", () -> StubOpenIdProvider.CLIENT_ID);
        registry.add("OIDC_CLIENT_SECRET", () -> StubOpenIdProvider.CLIENT_SECRET);
    }

    private static Hostile request(String name, String method, String target, String... headers) {
        return new Hostile(name, method, target, HostileRequests.headers(headers), null);
    }

    static Stream<Hostile> hostileInputs() {
        String participant = "Bearer " + TestTokens.participant("paul-hostile");
        return Stream.of(
                request("TRACE /auth/me", "TRACE", "/auth/me"),
                request("PUT /auth/me", "PUT", "/auth/me", "Content-Type", "application/json", "Content-Length", "0"),
                request("DELETE /auth/me", "DELETE", "/auth/me"),
                request("GET /auth/logout", "PATCH", "/auth/logout"),
                request("%00 in the path", "GET", "/auth/me%00"),
                request("%2e%2e/ in the path", "GET", "/auth/%2e%2e/actuator/env"),
                request("..%2f in the path", "GET", "/auth/..%2fme"),
                request("double-encoded slash", "GET", "/api/registrations/a%252f..%252fb", "Authorization",
                        participant),
                request("invalid UTF-8 in the path", "GET", "/auth/me%C3%28"),
                request("a bearer of 20 KB", "GET", "/auth/me", "Authorization", "Bearer " + "A".repeat(20_000)),
                request("a forged bearer", "GET", "/auth/me", "Authorization", "Bearer eyJhbGciOiJub25lIn0.e30."),
                request("look-alike roles at an organizer path", "POST", "/api/schedule/sessions", "Authorization",
                        "Bearer " + TestTokens.token("m", List.of("\u039FRGANIZER", "ADMIN\u200B"), Map.of()),
                        "Content-Type", "application/json", "Content-Length", "0"),
                request("the dev identity outside the local profile", "POST", "/api/auth/dev-token",
                        "Content-Type", "application/json", "Content-Length", "0"),
                request("captured mail outside the local profile", "GET", "/api/dev/emails"),
                request("a token in the query string at the API", "GET",
                        "/api/registrations/mine?access_token=" + TestTokens.participant("paul-hostile")),
                request("an id of 10,000 characters", "GET", "/api/registrations/" + "a".repeat(10_000),
                        "Authorization", participant),
                request("a query beyond the header limit", "GET", "/api/schedule/sessions?q=" + "x".repeat(40_000)),
                request("Accept: text/html on an error path", "GET", "/api/registrations/mine", "Accept",
                        "text/html"),
                new Hostile("Transfer-Encoding and Content-Length together", "POST", "/auth/logout",
                        HostileRequests.headers("Transfer-Encoding", "chunked", "Content-Type", "application/json"),
                        HostileRequests.utf8("0\r\n\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void getsAProblemNeverA500AnHtmlPageOrALeak(Hostile hostile) throws IOException {
        String path = hostile.target().split("\\?")[0];
        // the stub backend is shared by the gateway's tests: only what this request adds counts
        int before = BACKEND.requestsTo(path).size();
        HostileRequests.assertProblem(hostile, HostileRequests.send(port, hostile, "en"), "en");
        assertThat(BACKEND.requestsTo(path)).as("relayed to a service").hasSize(before);
    }

    /** A token in the query string is not a credential: the portal's user stays signed out. */
    @Test
    void aTokenInTheQueryStringDoesNotSignIn() throws IOException {
        Raw me = HostileRequests.send(port, request("me", "GET", "/auth/me?access_token="
                + TestTokens.organizer("olga-hostile")), "en");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).contains("\"signedIn\":false").doesNotContain("olga-hostile");
    }
}
