package org.eduweek.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eduweek.local.PortalWalk.click;
import static org.eduweek.local.PortalWalk.first;
import static org.eduweek.local.PortalWalk.js;
import static org.eduweek.local.PortalWalk.text;
import static org.eduweek.local.PortalWalk.waitFor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eduweek.local.keycloak.KeycloakAccounts;
import org.eduweek.local.keycloak.KeycloakServer;
import org.eduweek.platform.testing.browser.Browser;
import org.eduweek.platform.testing.browser.BrowserExtension;
import org.eduweek.platform.testing.browser.Browsers;
import org.eduweek.platform.testing.browser.ViewportSize;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.opentest4j.AssertionFailedError;

/**
 * The organizers' live dashboard in headless Chromium on the shared platform with its Keycloak. Accounts are made
 * with Keycloak's admin REST API (an organizer with the ORGANIZER realm role, a participant without it) and sign in
 * through Keycloak's own form, so the page runs on the gateway's session: the figures' event stream goes through
 * the gateway with the session cookie and the token relayed. A participant is told the dashboard is not theirs; the
 * organizer opens a fresh edition, the stream stays open past the gateway's response timeout without reconnecting,
 * and 50 registrations made through the API each move the session's tile: the delay from the registration's HTTP
 * answer to the tile's DOM change (a MutationObserver in the page, {@code performance.timeOrigin + now()}, against
 * this JVM's wall clock, both on this machine) has its 95th percentile under 1 s, printed with p50 and max and
 * written to {@code target/dashboard-tile-latency.txt}. The demand flag, Chinese, the big screen (full screen by the
 * button and by URL) at phone and desktop size: no console error, no axe-core WCAG 2.2 A/AA violation, screenshots in
 * {@code target/screenshots/DashboardIT/}.
 */
@ExtendWith({BrowserExtension.class, SharedPlatform.Extension.class})
@Order(5)
class DashboardIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int REGISTRATIONS = 50;
    /** Longer than the gateway's response timeout (10 s): a route that kept it would cut the idle stream. */
    private static final Duration IDLE = Duration.ofSeconds(13);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private String gateway;
    private PortalWalk walk;
    private String stack;
    private String keycloak;

    @Test
    void anOrganizerWatchesRegistrationsArriveOnTheDashboardWithinASecond(SharedPlatform shared, Browsers browsers)
            throws Exception {
        Platform platform = shared.platform();
        KeycloakServer kc = platform.keycloak();
        assertThat(kc).as("the shared platform runs Keycloak").isNotNull();
        gateway = platform.gatewayUrl();
        walk = new PortalWalk(platform);
        stack = platform.stackUrl();
        keycloak = kc.url();
        String password = "Dashboard-" + run + "-2026";
        KeycloakAccounts.create(kc, "organizer-" + run + "@example.edu", "Olga", "Organizer", password,
                List.of("ORGANIZER"));
        KeycloakAccounts.create(kc, "participant-" + run + "@example.edu", "Pablo", "Participant", password, List.of());
        Edition edition = createEdition();

        // a participant: asked to sign in, then told the dashboard is not theirs
        Browser phone = browsers.open(ViewportSize.PHONE);
        phone.load(gateway + "/dashboard#/?edition=" + edition.id);
        waitFor(phone, d -> first(d, By.cssSelector("main a.button[href*='/oauth2/authorization/keycloak']")));
        check(phone, "01-sign-in-asked");
        signIn(phone, "participant-" + run + "@example.edu", password);
        waitFor(phone, d -> "Not allowed".equals(text(d, By.cssSelector("main h1"))));
        assertThat(text(phone.driver(), By.cssSelector("main [role=alert]"))).contains("Pablo Participant", "organizers");
        check(phone, "02-participant-not-allowed");

        // the organizer at desktop size: the fresh edition, live
        Browser desktop = browsers.open(ViewportSize.DESKTOP);
        desktop.load(gateway + "/dashboard#/?edition=" + edition.id);
        click(desktop, By.cssSelector("main a.button[href*='/oauth2/authorization/keycloak']"));
        signInOnKeycloak(desktop, "organizer-" + run + "@example.edu", password);
        String cell = "[data-session='" + edition.sessionId + "'] [data-figure='confirmed']";
        waitFor(desktop, d -> d.getCurrentUrl().startsWith(gateway + "/dashboard") && "0 / 100".equals(text(d, By.cssSelector(cell))));
        waitFor(desktop, d -> "live".equals(liveState(d)));
        assertThat(text(desktop.driver(), By.cssSelector("#account .who"))).contains("Olga Organizer");
        check(desktop, "03-overview-fresh-edition");

        // idle longer than the gateway's response timeout: the stream is not cut
        js(desktop.driver()).executeScript("""
                window.__liveStates = [];
                const node = document.querySelector('.live-state');
                new MutationObserver(() => window.__liveStates.push(node.dataset.state))
                  .observe(node, { attributes: true, attributeFilter: ['data-state'] });
                """);
        Thread.sleep(IDLE.toMillis());
        assertThat((List<?>) js(desktop.driver()).executeScript("return window.__liveStates;"))
                .as("live-state changes while idle for %s", IDLE).isEmpty();
        assertThat(liveState(desktop.driver())).isEqualTo("live");

        // a waitlist over 20 % of the capacity flags the small session (and the platform has handled registrations
        // before the measured ones, as it has during any real week)
        String small = "[data-session='" + edition.smallSessionId + "']";
        for (int i = 0; i < 3; i++) {
            register(edition.smallSessionId, "dash-small-" + run + "-" + i);
        }
        waitFor(desktop, d -> {
            WebElement flag = first(d, By.cssSelector(small + " .demand"));
            return flag != null && flag.isDisplayed() ? flag : null;
        });
        assertThat(text(desktop.driver(), By.cssSelector(small + " .demand"))).contains("Needs a bigger room or another session");

        List<Long> latencies = measureTileLatency(desktop, cell);
        waitFor(desktop, d -> "50 / 100".equals(text(d, By.cssSelector(cell))));
        assertThat(text(desktop.driver(), By.cssSelector("[data-total='needMoreRoom']"))).isEqualTo("1");
        assertThat(text(desktop.driver(), By.cssSelector("[data-total='confirmed']"))).isEqualTo("52");
        assertThat(text(desktop.driver(), By.cssSelector(".breakdowns"))).contains("Pingyuan", "On campus", "Online");
        desktop.waitForQuiet();
        check(desktop, "04-overview-after-registrations");

        click(desktop, By.id("lang-switch"));
        waitFor(desktop, d -> "实时看板".equals(text(d, By.cssSelector("main h1"))) && first(d, By.cssSelector(small + " .demand")) != null);
        assertThat(text(desktop.driver(), By.cssSelector(small + " .demand"))).contains("需要更大的场地或加开场次");
        check(desktop, "05-overview-zh");
        click(desktop, By.id("lang-switch"));
        waitFor(desktop, d -> "Live dashboard".equals(text(d, By.cssSelector("main h1"))));

        // the big screen by its button: full screen, large type, the same live figures
        click(desktop, By.xpath("//main//button[normalize-space()='Full screen']"));
        waitFor(desktop, d -> d.getCurrentUrl().contains("#/big?edition=" + edition.id)
                && first(d, By.cssSelector("body.big " + cell)) != null);
        waitFor(desktop, d -> Boolean.TRUE.equals(js(d).executeScript("return !!document.fullscreenElement;")));
        double figureSize = ((Number) js(desktop.driver()).executeScript(
                "return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize);", cell)).doubleValue();
        // the overview's figures are 17.6 px; the big screen's at least 1.4rem whatever the screen's width
        assertThat(figureSize).as("a tile's figure on the big screen, px").isGreaterThanOrEqualTo(22.4);
        check(desktop, "06-big-screen-fullscreen");
        register(edition.sessionId, "dash-big-" + run);
        waitFor(desktop, d -> "51 / 100".equals(text(d, By.cssSelector(cell))));
        js(desktop.driver()).executeScript("return document.exitFullscreen();");

        // the organizer on a phone: overview, then the big-screen URL as a venue screen would open it
        Browser organizerPhone = browsers.open(ViewportSize.PHONE);
        organizerPhone.load(gateway + "/dashboard#/?edition=" + edition.id);
        click(organizerPhone, By.cssSelector("main a.button[href*='/oauth2/authorization/keycloak']"));
        signInOnKeycloak(organizerPhone, "organizer-" + run + "@example.edu", password);
        waitFor(organizerPhone, d -> "51 / 100".equals(text(d, By.cssSelector(cell))) && "live".equals(liveState(d)));
        organizerPhone.waitForQuiet();
        check(organizerPhone, "07-overview-phone");
        organizerPhone.load(gateway + "/dashboard#/big?edition=" + edition.id);
        waitFor(organizerPhone, d -> first(d, By.cssSelector("body.big " + cell)) != null && "live".equals(liveState(d)));
        check(organizerPhone, "08-big-screen-by-url");

        writeLatency(latencies);
        walk.report("dashboard");
    }

    // ---- the tile latency

    /**
     * Registers one participant at a time (a pause between them so each answer has its own change) and takes, for
     * the n-th, the first DOM change of the tile that shows at least n registrations. A change seen before the
     * answer arrived counts as 0.
     */
    private List<Long> measureTileLatency(Browser browser, String cell) throws Exception {
        js(browser.driver()).executeScript("""
                const cell = document.querySelector(arguments[0]);
                window.__tileChanges = [];
                new MutationObserver(() => window.__tileChanges.push(
                    [performance.timeOrigin + performance.now(), parseInt(cell.textContent, 10)]))
                  .observe(cell, { childList: true, characterData: true, subtree: true });
                """, cell);
        String sessionId = cell.replaceAll(".*data-session='([^']+)'.*", "$1");
        long[] answered = new long[REGISTRATIONS + 1];
        for (int n = 1; n <= REGISTRATIONS; n++) {
            String token = token("dash-" + run + "-" + n, "PARTICIPANT");
            answered[n] = registerWith(token, sessionId);
            Thread.sleep(250);
        }
        await("the tile shows all registrations").atMost(WAIT).until(() ->
                ((Number) js(browser.driver()).executeScript("""
                        const c = window.__tileChanges; return c.length ? c[c.length - 1][1] : 0;""")).intValue()
                        >= REGISTRATIONS);
        @SuppressWarnings("unchecked")
        List<List<Number>> changes = (List<List<Number>>) js(browser.driver()).executeScript("return window.__tileChanges;");
        List<Long> latencies = new ArrayList<>();
        for (int n = 1; n <= REGISTRATIONS; n++) {
            final int wanted = n;
            double shown = changes.stream().filter(c -> c.get(1).intValue() >= wanted)
                    .mapToDouble(c -> c.get(0).doubleValue()).min()
                    .orElseThrow(() -> new AssertionFailedError("the tile never showed " + wanted));
            latencies.add(Math.max(0L, Math.round(shown - answered[n])));
        }
        return latencies;
    }

    private void writeLatency(List<Long> latencies) throws Exception {
        List<Long> sorted = latencies.stream().sorted().toList();
        long p50 = percentile(sorted, 50);
        long p95 = percentile(sorted, 95);
        long max = sorted.get(sorted.size() - 1);
        String line = String.format("dashboard tile latency over %d registrations (HTTP answer -> tile DOM change): "
                + "p50 %d ms, p95 %d ms, max %d ms", sorted.size(), p50, p95, max);
        System.out.println("[browser] " + line);
        Path out = Path.of("target", "dashboard-tile-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + System.lineSeparator() + "in order (ms): " + latencies + System.lineSeparator());
        assertThat(p95).as(line).isLessThan(1000);
    }

    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    // ---- sign-in through Keycloak's own form

    private void signIn(Browser browser, String email, String password) {
        click(browser, By.cssSelector("main a.button[href*='/oauth2/authorization/keycloak']"));
        signInOnKeycloak(browser, email, password);
    }

    /** The realm signs people in with their email address. */
    private void signInOnKeycloak(Browser browser, String email, String password) {
        waitFor(browser, d -> d.getCurrentUrl().startsWith(keycloak) ? first(d, By.id("kc-form-login")) : null);
        browser.driver().findElement(By.id("username")).sendKeys(email);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("#kc-form-login [type=submit]")).click();
        waitFor(browser, d -> d.getCurrentUrl().startsWith(gateway + "/dashboard") && first(d, By.cssSelector("#account .who")) != null);
    }

    // ---- the edition the test watches

    private record Edition(String id, String sessionId, String smallSessionId) {
    }

    /** An edition of its own starting tomorrow: a room for 100 on campus and an online session with 2 places. */
    private Edition createEdition() throws Exception {
        String organizer = token("dash-organizer-" + run, "ORGANIZER");
        String editionId = "iew-dash-" + run;
        LocalDate tomorrow = LocalDate.now(BEIJING).plusDays(1);
        walk.call("POST", "/api/schedule/editions", organizer, Map.of("id", editionId,
                "name", Map.of("en", "Dashboard week " + run, "zh", "看板周 " + run),
                "description", Map.of("en", "The dashboard test", "zh", "看板测试"),
                "hostInstitution", "Beijing University of Technology", "startDate", tomorrow.toString(),
                "endDate", tomorrow.plusDays(2).toString(), "timeZone", BEIJING.getId(),
                "campuses", List.of("Pingyuan", "Tongzhou")));
        ZonedDateTime start = tomorrow.atTime(9, 0).atZone(BEIJING);
        Map<String, Object> hall = new LinkedHashMap<>();
        hall.put("editionId", editionId);
        hall.put("title", Map.of("en", "Opening forum " + run, "zh", "开幕论坛 " + run));
        hall.put("description", Map.of("en", "The week opens.", "zh", "教育周开幕。"));
        hall.put("start", start.toOffsetDateTime().toString());
        hall.put("end", start.plusHours(2).toOffsetDateTime().toString());
        hall.put("timeZone", BEIJING.getId());
        hall.put("mode", "OFFLINE");
        hall.put("capacity", 100);
        hall.put("venue", Map.of("campus", "Pingyuan", "building", "Library", "room", "D-" + run));
        hall.put("language", "en");
        hall.put("publish", false);
        String sessionId = walk.call("POST", "/api/schedule/sessions", organizer, hall).path("id").asText();
        Map<String, Object> small = new LinkedHashMap<>(hall);
        small.put("title", Map.of("en", "Online clinic " + run, "zh", "线上答疑 " + run));
        small.put("start", start.plusHours(4).toOffsetDateTime().toString());
        small.put("end", start.plusHours(5).toOffsetDateTime().toString());
        small.put("mode", "ONLINE");
        small.put("capacity", 2);
        small.remove("venue");
        small.put("joinLink", "https://meeting.example.edu/j/dash-" + run);
        String smallId = walk.call("POST", "/api/schedule/sessions", organizer, small).path("id").asText();
        walk.call("POST", "/api/schedule/editions/" + editionId + "/releases", organizer, Map.of("note", "Programme published"));
        for (String id : List.of(sessionId, smallId)) {
            await("registration-service knows the session").atMost(WAIT).pollInterval(Duration.ofMillis(300))
                    .until(() -> walk.send("GET", "/api/registrations/sessions/" + id + "/availability", null, null)
                            .statusCode() == 200);
        }
        return new Edition(editionId, sessionId, smallId);
    }

    // ---- checks and waits

    private void check(Browser browser, String step) {
        walk.checkExcept(browser, step, e -> false);
    }

    private static String liveState(WebDriver driver) {
        WebElement node = first(driver, By.cssSelector(".live-state"));
        return node == null ? null : node.getAttribute("data-state");
    }

    // ---- the API

    private void register(String sessionId, String subject) throws Exception {
        registerWith(token(subject, "PARTICIPANT"), sessionId);
    }

    /** Registers and answers the wall-clock time (ms) at which the answer had arrived. */
    private long registerWith(String token, String sessionId) throws Exception {
        HttpResponse<String> answer = walk.send("POST", "/api/registrations", token,
                json.writeValueAsString(Map.of("sessionId", sessionId)));
        long at = System.currentTimeMillis();
        assertThat(answer.statusCode()).as("registration: " + answer.body()).isBetween(200, 299);
        return at;
    }

    /** A dev token from the stack's identity provider, asked directly as the other platform tests do. */
    private String token(String subject, String role) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack + "/api/auth/dev-token"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("sub", subject,
                        "name", subject, "email", subject + "@example.edu", "roles", List.of(role), "locale", "en"))))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("dev token: " + answer.body()).isEqualTo(200);
        return json.readTree(answer.body()).path("access_token").asText();
    }

}
