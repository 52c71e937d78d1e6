package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway as the portal's OpenID Connect client, against {@link StubOpenIdProvider}: sign-in with the code flow
 * and PKCE, the session cookie, the token relayed to the services and refreshed, CSRF, sign-out at the provider, and
 * bearer callers (dev tokens and the provider's own) exactly as before. In the local profile, as the launcher runs it.
 */
@ActiveProfiles("local")
class PortalSignInIT extends GatewayTestBase {

    static final StubOpenIdProvider PROVIDER = StubOpenIdProvider.started();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SESSION = "EDUWEEK_SESSION";

    Browser browser;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("OIDC_ISSUER_URI", PROVIDER::issuer);
        registry.add("OIDC_CLIENT_ID", () -> StubOpenIdProvider.CLIENT_ID);
        registry.add("OIDC_CLIENT_SECRET", () -> StubOpenIdProvider.CLIENT_SECRET);
        // refresh only once a token has actually expired, so the tests can give tokens a one-second life
        registry.add("eduweek.security.oidc.refresh-ahead", () -> "0s");
        registry.add("eduweek.security.oidc.sign-ins-per-minute", () -> "1000");
    }

    @BeforeEach
    void newBrowser() {
        browser = new Browser(port);
        PROVIDER.accessTokenSeconds = 300;
        PROVIDER.authorizeError = null;
    }

    @Test
    void signsInWithTheCodeFlowAndPkceAndTheBrowserOnlyEverHoldsASessionCookie() {
        JsonNode anonymous = json(browser.get("/auth/me?lang=zh"));
        assertThat(anonymous.get("signedIn").asBoolean()).isFalse();
        assertThat(anonymous.get("signInUrl").asString()).isEqualTo("/oauth2/authorization/keycloak?lang=zh");
        assertThat(anonymous.get("signUpUrl").asString())
                .isEqualTo("/oauth2/authorization/keycloak?prompt=create&lang=zh");

        HttpResponse<String> start = browser.get("/oauth2/authorization/keycloak?lang=zh&return=/sessions/ses-1");
        assertThat(start.statusCode()).isEqualTo(302);
        String toProvider = location(start);
        assertThat(toProvider).startsWith(PROVIDER.authorizeEndpoint() + "?");
        String firstSession = browser.cookie(SESSION);
        assertThat(browser.lastSetCookie(SESSION)).containsIgnoringCase("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/").doesNotContainIgnoringCase("Secure");

        HttpResponse<String> back = browser.get(toProvider);
        Map<String, String> authorize = StubOpenIdProvider.form(java.net.URI.create(toProvider).getRawQuery());
        assertThat(authorize).containsEntry("response_type", "code")
                .containsEntry("client_id", StubOpenIdProvider.CLIENT_ID)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", browser.gateway() + "/login/oauth2/code/keycloak")
                .containsEntry("ui_locales", "zh-CN")
                .containsKeys("state", "nonce", "code_challenge").doesNotContainKey("prompt");
        assertThat(authorize.get("scope").split(" ")).contains("openid", "profile", "email");
        assertThat(authorize.get("code_challenge")).hasSize(43);

        HttpResponse<String> landed = browser.get(location(back));
        assertThat(landed.statusCode()).isEqualTo(302);
        assertThat(location(landed)).isEqualTo("/sessions/ses-1");
        // the code was redeemed with the PKCE verifier and the client's secret (the stub refuses anything else)
        Map<String, String> redeemed = PROVIDER.tokenRequests.stream()
                .filter(r -> "authorization_code".equals(r.get("grant_type"))).reduce((a, b) -> b).orElseThrow();
        assertThat(StubOpenIdProvider.s256(redeemed.get("code_verifier"))).isEqualTo(authorize.get("code_challenge"));
        assertThat(redeemed.get("Authorization")).startsWith("Basic ");
        // a new session id once signed in (no session fixation)
        assertThat(browser.cookie(SESSION)).isNotNull().isNotEqualTo(firstSession);

        JsonNode me = json(browser.get("/auth/me"));
        assertThat(me.get("signedIn").asBoolean()).isTrue();
        assertThat(me.get("sub").asString()).isEqualTo(PROVIDER.subject);
        assertThat(me.get("name").asString()).isEqualTo("Li Wei");
        assertThat(me.get("email").asString()).isEqualTo("li.wei@example.edu");
        assertThat(me.get("locale").asString()).isEqualTo("zh");
        assertThat(me.get("roles").toString()).isEqualTo("[\"PARTICIPANT\"]");
        assertThat(me.get("signOutUrl").asString()).isEqualTo("/auth/logout");
        assertThat(browser.lastSetCookie("XSRF-TOKEN")).doesNotContainIgnoringCase("HttpOnly").contains("SameSite=Lax");

        // a call with the session reaches the service with the access token; the page never sees it
        String path = "/api/registrations/sized/10?call=" + UUID.randomUUID();
        HttpResponse<String> call = browser.get(path);
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.body()).isEqualTo("0123456789");
        assertThat(BACKEND.requestsTo(path)).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization"))
                        .isEqualTo("Bearer " + last(PROVIDER.accessTokens)));
        assertNoTokenReachedTheBrowser();
    }

    @Test
    void stateChangingCallsWithTheSessionNeedTheCsrfToken() {
        signIn("");
        browser.get("/auth/me");
        String xsrf = browser.cookie("XSRF-TOKEN");
        assertThat(xsrf).isNotBlank();

        String refused = "/api/registrations/sized/2?csrf=" + UUID.randomUUID();
        HttpResponse<String> without = browser.post(refused, "{}");
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(without.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://eduweek.org/problems/csrf-token-invalid");
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("errors").isArray()).isTrue();
        assertThat(browser.post(refused, "{}", "X-XSRF-TOKEN", "forged").statusCode()).isEqualTo(403);
        assertThat(BACKEND.requestsTo(refused)).isEmpty();

        String allowed = "/api/registrations/sized/2?csrf=" + UUID.randomUUID();
        assertThat(browser.post(allowed, "{}", "X-XSRF-TOKEN", xsrf).statusCode()).isEqualTo(200);
        assertThat(BACKEND.requestsTo(allowed)).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).startsWith("Bearer ey"));
    }

    @Test
    void refreshesAnExpiredAccessTokenWithTheRefreshToken() throws InterruptedException {
        PROVIDER.accessTokenSeconds = 1;
        signIn("");
        String first = last(PROVIDER.accessTokens);
        String refreshToken = last(PROVIDER.refreshTokens);
        PROVIDER.accessTokenSeconds = 300;
        Thread.sleep(1500);

        String path = "/api/registrations/sized/3?refresh=" + UUID.randomUUID();
        assertThat(browser.get(path).statusCode()).isEqualTo(200);
        assertThat(PROVIDER.tokenRequests).anySatisfy(r -> assertThat(r)
                .containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", refreshToken));
        String refreshed = last(PROVIDER.accessTokens);
        assertThat(refreshed).isNotEqualTo(first);
        assertThat(BACKEND.requestsTo(path)).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + refreshed));

        // the refreshed token is kept in the session: the next call uses it without another refresh
        int tokenRequests = PROVIDER.tokenRequests.size();
        String again = "/api/registrations/sized/3?again=" + UUID.randomUUID();
        assertThat(browser.get(again).statusCode()).isEqualTo(200);
        assertThat(PROVIDER.tokenRequests).hasSize(tokenRequests);
        assertThat(BACKEND.requestsTo(again).get(0).header("Authorization")).isEqualTo("Bearer " + refreshed);
        assertNoTokenReachedTheBrowser();
    }

    @Test
    void aRefusedRefreshEndsTheSession() throws InterruptedException {
        PROVIDER.accessTokenSeconds = 1;
        signIn("");
        PROVIDER.revokeRefreshTokens();
        Thread.sleep(1500);

        String path = "/api/registrations/sized/4?revoked=" + UUID.randomUUID();
        HttpResponse<String> call = browser.get(path);
        assertThat(call.statusCode()).isEqualTo(401);
        assertThat(call.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(BACKEND.requestsTo(path)).isEmpty();
        assertThat(browser.cookie(SESSION)).isNull();
        assertThat(json(browser.get("/auth/me")).get("signedIn").asBoolean()).isFalse();
    }

    @Test
    void signOutEndsTheSessionHereAndAtTheProvider() {
        signIn("");
        browser.get("/auth/me");
        String session = browser.cookie(SESSION);
        String xsrf = browser.cookie("XSRF-TOKEN");
        String idToken = last(PROVIDER.idTokens);

        HttpResponse<String> forged = browser.post("/auth/logout", "");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(browser.cookie(SESSION)).isEqualTo(session);

        HttpResponse<String> out = browser.post("/auth/logout", "", "X-XSRF-TOKEN", xsrf);
        assertThat(out.statusCode()).isEqualTo(302);
        String endSession = location(out);
        assertThat(endSession).startsWith(PROVIDER.endSessionEndpoint() + "?");
        assertThat(StubOpenIdProvider.form(java.net.URI.create(endSession).getRawQuery()))
                .containsEntry("id_token_hint", idToken)
                .containsEntry("post_logout_redirect_uri", browser.gateway() + "/");
        assertThat(browser.cookie(SESSION)).isNull();
        assertThat(browser.cookie("XSRF-TOKEN")).isNull();

        // the old cookie is worth nothing now
        browser.setCookie(SESSION, session);
        assertThat(json(browser.get("/auth/me")).get("signedIn").asBoolean()).isFalse();
        assertThat(browser.get("/api/registrations/mine").statusCode()).isEqualTo(401);
    }

    @Test
    void aScriptSignsOutWithJsonAndNavigatesItself() {
        signIn("");
        browser.get("/auth/me");
        HttpResponse<String> out = browser.post("/auth/logout", "", "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"),
                "Accept", "application/json");
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(json(out).get("redirectUrl").asString()).startsWith(PROVIDER.endSessionEndpoint() + "?");
        assertThat(browser.cookie(SESSION)).isNull();
    }

    @Test
    void signUpOpensTheProvidersRegistrationInTheChosenLanguage() {
        HttpResponse<String> start = browser.get("/oauth2/authorization/keycloak?prompt=create&lang=en"
                + "&return=//evil.example/x");
        Map<String, String> authorize = StubOpenIdProvider.form(java.net.URI.create(location(start)).getRawQuery());
        assertThat(authorize).containsEntry("prompt", "create").containsEntry("ui_locales", "en")
                .containsEntry("code_challenge_method", "S256");
        HttpResponse<String> landed = browser.get(location(browser.get(location(start))));
        // another origin is never a place to return to
        assertThat(location(landed)).isEqualTo("/");
        assertThat(json(browser.get("/auth/me")).get("signedIn").asBoolean()).isTrue();
    }

    @Test
    void aSignInTheProviderRefusesReturnsToThePortalWithTheReason() {
        PROVIDER.authorizeError = "access_denied";
        HttpResponse<String> start = browser.get("/oauth2/authorization/keycloak");
        HttpResponse<String> landed = browser.get(location(browser.get(location(start))));
        assertThat(landed.statusCode()).isEqualTo(302);
        assertThat(location(landed)).isEqualTo("/?signInError=access_denied");
        assertThat(json(browser.get("/auth/me")).get("signedIn").asBoolean()).isFalse();
    }

    @Test
    void bearerCallersWorkAsBeforeWithoutSessionOrCsrf() {
        // a dev token (scripts, tests, benchmarks) and a token of the provider itself: both issuers are trusted here
        for (String token : List.of(TestTokens.participant("script"), PROVIDER.accessToken(List.of("PARTICIPANT")))) {
            String path = "/api/registrations/sized/5?bearer=" + UUID.randomUUID();
            HttpResponse<String> call = browser.post(path, "{}", "Authorization", "Bearer " + token);
            assertThat(call.statusCode()).isEqualTo(200);
            assertThat(call.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(BACKEND.requestsTo(path).get(0).header("Authorization")).isEqualTo("Bearer " + token);
        }
        // with a session cookie too, the bearer token decides, and no CSRF token is asked for
        signIn("");
        String token = TestTokens.participant("script");
        String path = "/api/registrations/sized/5?both=" + UUID.randomUUID();
        assertThat(browser.post(path, "{}", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(BACKEND.requestsTo(path).get(0).header("Authorization")).isEqualTo("Bearer " + token);
        JsonNode me = json(browser.get("/auth/me", "Authorization", "Bearer " + token));
        assertThat(me.get("sub").asString()).isEqualTo("script");
        assertThat(me.has("signOutUrl")).isFalse();
        // a forged bearer token is refused even next to a valid session
        assertThat(browser.get("/api/registrations/mine", "Authorization", "Bearer forged").statusCode())
                .isEqualTo(401);
    }

    @Test
    void anonymousVisitorsStayAnonymousAndApiCallsGetProblemsNotRedirects() {
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(SESSION + "="));
        assertThat(browser.get("/api/schedule/sessions").statusCode()).isEqualTo(200);
        for (String accept : List.of("text/html", "application/json")) {
            HttpResponse<String> api = browser.get("/api/registrations/mine", "Accept", accept);
            assertThat(api.statusCode()).isEqualTo(401);
            assertThat(api.headers().firstValue("Location")).isEmpty();
            assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        // the content security policy lets the sign-out form go on to the provider's end-session page
        assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self' http://127.0.0.1:");
    }

    private void signIn(String query) {
        HttpResponse<String> start = browser.get("/oauth2/authorization/keycloak" + query);
        HttpResponse<String> landed = browser.get(location(browser.get(location(start))));
        assertThat(landed.statusCode()).as("sign-in lands on the portal").isEqualTo(302);
        assertThat(browser.cookie(SESSION)).isNotNull();
    }

    private void assertNoTokenReachedTheBrowser() {
        for (String answer : browser.seen) {
            for (String token : PROVIDER.accessTokens) {
                assertThat(answer).doesNotContain(token);
            }
            for (String token : PROVIDER.refreshTokens) {
                assertThat(answer).doesNotContain(token);
            }
            for (String token : PROVIDER.idTokens) {
                assertThat(answer).doesNotContain(token);
            }
        }
    }

    private static <T> T last(java.util.Collection<T> issued) {
        return issued.stream().reduce((a, b) -> b).orElseThrow();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
