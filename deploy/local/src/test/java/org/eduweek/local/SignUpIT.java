package org.eduweek.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eduweek.local.keycloak.KeycloakServer;
import org.eduweek.local.keycloak.SignInBrowser;
import org.eduweek.local.launcher.ServiceSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-up and sign-in on the embedded Keycloak that the launcher runs beside the stack (the shared platform): a
 * person registers on Keycloak's own form, the verification email lands in the stack's mail capture, its link
 * verifies the address and asks for a password, and the code the browser is sent back with is exchanged for tokens
 * shaped as docs/CONTRACTS.md says. A service accepts that token, dev tokens keep working beside it, and the account
 * survives a restart of Keycloak.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedPlatform.Extension.class)
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignUpIT {

    private static final Pattern VERIFY_LINK = Pattern.compile("(http://\\S+/login-actions/action-token\\?\\S+)");
    private static final String PASSWORD = "Sessions-2027-autumn";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String email = "amina." + UUID.randomUUID().toString().substring(0, 8) + "@scholars.example.org";
    private Platform platform;
    private KeycloakServer keycloak;
    private String subject;
    private String accessToken;

    @BeforeAll
    void usePlatform(SharedPlatform shared) {
        platform = shared.platform();
        keycloak = platform.keycloak();
        assertThat(keycloak).as("the shared platform runs Keycloak").isNotNull();
    }

    private SignInBrowser browser() {
        return new SignInBrowser(keycloak.issuer(), KeycloakServer.CLIENT_ID, keycloak.clientSecret(),
                platform.gatewayUrl() + "/login/oauth2/code/keycloak");
    }

    @Test
    @Order(1)
    void signsUpOnKeycloaksFormAndVerifiesTheEmailFromTheMailCapture() throws Exception {
        Instant begin = Instant.now();
        SignInBrowser browser = browser();
        browser.openSignIn(null);
        assertThat(browser.page()).contains("kc-form-login");
        browser.followLink("login-actions/registration");
        assertThat(browser.page()).contains("kc-register-form").contains("name=\"phone_number\"");

        browser.submit(Map.of("email", email, "firstName", "Amina", "lastName", "Diallo",
                "phone_number", "+221771234567"));
        assertThat(browser.text()).containsIgnoringCase("verify your email");

        String link = verificationLink();
        browser.get(link);
        assertThat(browser.page()).as("a new account sets its password once the address is verified")
                .contains("password-new");
        browser.submit(Map.of("password-new", "too-short", "password-confirm", "too-short"));
        assertThat(browser.text()).as("password policy").containsIgnoringCase("minimum length");
        browser.submit(Map.of("password-new", PASSWORD, "password-confirm", PASSWORD));

        JsonNode tokens = browser.exchangeCode();
        accessToken = tokens.path("access_token").asText();
        JsonNode claims = SignInBrowser.claims(accessToken);
        subject = claims.path("sub").asText();
        System.out.println("[it] signed up through Keycloak in " + Duration.between(begin, Instant.now()).toMillis()
                + " ms; access token claims " + claims);

        assertThat(claims.path("iss").asText()).isEqualTo(platform.keycloakIssuer());
        assertThat(claims.path("roles")).hasSize(1);
        assertThat(claims.path("roles").get(0).asText()).isEqualTo("PARTICIPANT");
        assertThat(audience(claims)).contains("eduweek");
        assertThat(UUID.fromString(subject)).as("sub is Keycloak's opaque id, never the email").isNotNull();
        assertThat(claims.path("email").asText()).isEqualTo(email);
        assertThat(claims.path("email_verified").asBoolean()).isTrue();
        assertThat(claims.path("name").asText()).isEqualTo("Amina Diallo");
        assertThat(claims.path("phone_number").asText()).isEqualTo("+221771234567");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isLessThanOrEqualTo(3600);
    }

    private String verificationLink() {
        AtomicReference<String> link = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.stackUrl()
                    + "/api/dev/emails?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode emails = json.readTree(response.body());
            assertThat(emails).isNotEmpty();
            JsonNode last = emails.get(emails.size() - 1);
            assertThat(last.path("subject").asText()).containsIgnoringCase("verify");
            Matcher m = VERIFY_LINK.matcher(last.path("text").asText());
            assertThat(m.find()).as("a verification link in " + last.path("text").asText()).isTrue();
            link.set(m.group(1));
        });
        assertThat(link.get()).startsWith(keycloak.url() + "/realms/eduweek/");
        return link.get();
    }

    private static java.util.List<String> audience(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        java.util.List<String> all = new java.util.ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> all.add(a.asText()));
        } else {
            all.add(aud.asText());
        }
        return all;
    }

    @Test
    @Order(2)
    void aServiceAcceptsTheKeycloakTokenAndDevTokensStillWork() throws Exception {
        JsonNode profile = profile(accessToken);
        assertThat(profile.path("participantId").asText()).isEqualTo(subject);
        assertThat(profile.path("name").asText()).isEqualTo("Amina Diallo");
        assertThat(profile.path("email").asText()).isEqualTo(email);
        assertThat(profile.path("phone").asText()).isEqualTo("+221771234567");

        HttpResponse<String> dev = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                + "/api/auth/dev-token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"dev-script\",\"roles\":[\"PARTICIPANT\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(dev.statusCode()).isEqualTo(200);
        assertThat(profile(json.readTree(dev.body()).path("access_token").asText()).path("participantId").asText())
                .isEqualTo("dev-script");

        HttpResponse<String> forged = getProfile(accessToken.substring(0, accessToken.lastIndexOf('.') + 1) + "AAAA");
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    private JsonNode profile(String token) throws Exception {
        HttpResponse<String> response = getProfile(token);
        // the service reads Keycloak's discovery document and keys on the first Keycloak token it sees; on a busy
        // machine that can take longer than its timeout, answered 503 "try again in a few seconds" — as a client would
        for (int retry = 1; response.statusCode() == 503 && retry <= 3; retry++) {
            Thread.sleep(2_000L * retry);
            response = getProfile(token);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Straight to registration-service: it checks every token itself, whoever issued it. */
    private HttpResponse<String> getProfile(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(platform.serviceUrl(ServiceSpec.REGISTRATION)
                + "/api/registrations/me/profile")).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(3)
    void signsInAgainWithTheEmailAndPasswordAndAWrongPasswordIsRefused() throws Exception {
        SignInBrowser wrong = browser();
        wrong.openSignIn(null);
        wrong.submit(Map.of("username", email, "password", "not-the-password"));
        assertThat(wrong.code()).isNull();
        assertThat(wrong.text()).containsIgnoringCase("invalid username or password");

        assertThat(signIn()).isEqualTo(subject);
    }

    private String signIn() throws Exception {
        SignInBrowser browser = browser();
        browser.openSignIn(null);
        browser.submit(Map.of("username", email, "password", PASSWORD));
        JsonNode claims = SignInBrowser.claims(browser.exchangeCode().path("access_token").asText());
        assertThat(claims.path("roles").get(0).asText()).isEqualTo("PARTICIPANT");
        return claims.path("sub").asText();
    }

    @Test
    @Order(4)
    void thePagesSpeakChineseAndTheLanguageChosenThereReachesTheServices() throws Exception {
        SignInBrowser visitor = browser();
        visitor.openSignIn("zh-Hans");
        assertThat(visitor.page()).contains("lang=\"zh-Hans\"").contains("登录");
        visitor.followLink("login-actions/registration");
        assertThat(visitor.page()).contains("注册").contains("含国家代码");

        SignInBrowser browser = browser();
        browser.openSignIn(null);
        assertThat(browser.page()).contains("lang=\"en\"");
        browser.followLink("kc_locale=zh-Hans");
        assertThat(browser.page()).contains("lang=\"zh-Hans\"");
        browser.submit(Map.of("username", email, "password", PASSWORD));
        String token = browser.exchangeCode().path("access_token").asText();

        assertThat(SignInBrowser.claims(token).path("locale").asText()).isEqualTo("zh-Hans");
        assertThat(profile(token).path("language").asText()).as("read by its language").isEqualTo("zh");
    }

    @Test
    @Order(5)
    void someoneWithOneNameSignsUpWithoutALastName() throws Exception {
        String oneName = "li.ming." + UUID.randomUUID().toString().substring(0, 8) + "@scholars.example.org";
        SignInBrowser browser = browser();
        browser.openSignIn(null);
        browser.followLink("login-actions/registration");
        browser.submit(Map.of("email", oneName, "firstName", "李明", "lastName", ""));
        assertThat(browser.text()).as("the form accepts a first name alone").containsIgnoringCase("verify your email");
    }

    @Test
    @Order(6)
    void theAccountSurvivesARestartOfKeycloak() throws Exception {
        Instant begin = Instant.now();
        platform.restartKeycloak();
        keycloak = platform.keycloak();
        System.out.println("[it] Keycloak restarted in " + Duration.between(begin, Instant.now()).toMillis() + " ms");

        assertThat(signIn()).isEqualTo(subject);
    }
}
