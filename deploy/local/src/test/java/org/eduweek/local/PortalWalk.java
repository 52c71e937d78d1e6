package org.eduweek.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eduweek.platform.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WrapsDriver;
import org.opentest4j.AssertionFailedError;

/**
 * What the portal's browser tests share: explicit waits, the check every portal state passes (no console error from
 * the portal, no axe-core WCAG 2.2 A/AA violation, a screenshot), sign-up through Keycloak's pages with the link from
 * the mail capture, and the API as scripts and organizers use it (dev tokens through the gateway). One instance per
 * test: its {@link #run} makes the test's editions, titles and rooms its own, so tests neither collide with each
 * other on the shared platform nor depend on their order.
 */
final class PortalWalk {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Keycloak's action links: the email verification and the password reset. */
    static final Pattern ACTION_LINK = Pattern.compile("(http://\\S+/login-actions/action-token\\?\\S+)");

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String gateway;
    final String keycloak;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> steps = new ArrayList<>();
    private final List<String> expectedProblems = new ArrayList<>();
    private final List<Predicate<String>> expectedRefusals = new ArrayList<>();
    private final long began = System.nanoTime();

    PortalWalk(Platform platform) {
        assertThat(platform.keycloak()).as("the shared platform runs Keycloak").isNotNull();
        this.gateway = platform.gatewayUrl();
        this.keycloak = platform.keycloak().url();
    }

    /** The summary line a test prints at its end: how many states were checked and how long the walk took. */
    void report(String name, Browser... browsers) {
        System.out.printf("[browser] %s: %d states checked in %d ms: %s%n", name, steps.size(),
                Duration.ofNanos(System.nanoTime() - began).toMillis(), String.join(", ", steps));
        for (Browser browser : browsers) {
            long theirs = browser.consoleErrors().stream().filter(e -> e.startsWith(keycloak)).count();
            System.out.printf("[browser] %s: %d console error(s) on Keycloak's pages (not judged)%n",
                    browser.size().label(), theirs);
        }
    }

    // ---- the check of every portal state

    /**
     * Screenshots of the state, then: no console error from the portal, no axe violation. Keycloak's pages are
     * driven but not judged: what they log starts with Keycloak's URL and is left out.
     */
    void check(Browser browser, String step) {
        browser.waitForQuiet();
        checkExcept(browser, step, e -> expectedProblems.stream().anyMatch(e::startsWith)
                || expectedRefusals.stream().anyMatch(r -> r.test(e)));
    }

    /**
     * Answers with this status to any call under {@code pathPrefix} are expected from now on (Chromium logs each as
     * a failed load): for a page that keeps asking, e.g. a count polled while the caller is refused.
     */
    void expectRefusals(String pathPrefix, int status) {
        String url = gateway + pathPrefix;
        String failure = " - Failed to load resource: the server responded with a status of " + status + " (";
        expectedRefusals.add(e -> e.startsWith(url) && e.contains(failure));
    }

    /**
     * The state as it is now (no wait for quiet): screenshots, no console error other than Keycloak's and those the
     * test expects, no axe violation.
     */
    void checkExcept(Browser browser, String step, Predicate<String> expected) {
        browser.screenshot(step);
        browser.fullPageScreenshot(step);
        List<String> errors = browser.consoleErrors().stream().filter(e -> !e.startsWith(keycloak))
                .filter(expected.negate()).toList();
        if (!errors.isEmpty()) {
            throw new AssertionFailedError(step + " (" + browser.size().label() + "): console error(s) on "
                    + browser.driver().getCurrentUrl() + ":\n  " + String.join("\n  ", errors));
        }
        try {
            browser.assertAccessible();
        } catch (AssertionFailedError e) {
            throw new AssertionFailedError(step + ": " + e.getMessage());
        }
        steps.add(step + "-" + browser.size().label());
    }

    /**
     * {@link #check} for a state that shows a problem the portal asked for: Chromium logs every 4xx answer to a
     * fetch as a failed load ("Failed to load resource"), which is no fault of the page. That one line, for this call
     * and status, must be in the log; it is then left out of this check and the later ones. Anything else still fails.
     */
    void checkShowingProblem(Browser browser, String step, String path, int status) {
        String line = gateway + path + " - Failed to load resource: the server responded with a status of " + status
                + " (";
        assertThat(browser.consoleErrors()).as("the browser logged the problem answer")
                .anySatisfy(e -> assertThat(e).startsWith(line));
        expectedProblems.add(line);
        check(browser, step);
    }

    /** The same signed-in account in a second browser: the gateway's session cookie, copied. */
    void shareSignIn(Browser from, Browser to) {
        to.load(gateway + "/");
        for (Cookie cookie : from.driver().manage().getCookies()) {
            to.driver().manage().addCookie(cookie);
        }
        // the page asked whether it is signed in before it had the cookie; the next load is only a change of its
        // fragment (no new document), so it must start again
        to.driver().navigate().refresh();
        waitFor(to, d -> first(d, By.cssSelector("#account .who")));
    }

    // ---- sign-up and sign-in on Keycloak's pages

    /**
     * From the portal's "Sign up" (in the portal's language, which it passes on to Keycloak) through Keycloak's
     * registration form, the verification link from the mail capture and the new password, back to the portal signed
     * in as the new person.
     */
    void signUp(Browser browser, String signUpLabel, String keycloakLang, String email, String firstName,
            String lastName, String password) {
        WebElement button = waitFor(browser, d -> accountButton(d, signUpLabel));
        press(button);
        waitFor(browser, d -> onKeycloak(d) ? first(d, By.id("kc-register-form")) : null);
        assertThat(htmlLang(browser.driver())).as("Keycloak's page language").isEqualTo(keycloakLang);
        browser.driver().findElement(By.id("email")).sendKeys(email);
        browser.driver().findElement(By.id("firstName")).sendKeys(firstName);
        browser.driver().findElement(By.id("lastName")).sendKeys(lastName);
        browser.screenshot("keycloak-sign-up");
        browser.driver().findElement(By.cssSelector("#kc-register-form [type=submit]")).click();
        waitFor(browser, d -> onKeycloak(d) && first(d, By.id("kc-register-form")) == null);

        browser.driver().get(lastActionLink(email, 1));
        setNewPassword(browser, password);
        waitFor(browser, d -> d.getCurrentUrl().startsWith(gateway)
                && text(d, By.cssSelector("#account .who")).contains(firstName));
    }

    /** Keycloak's "new password" form, reached from an action link (verification or reset). */
    void setNewPassword(Browser browser, String password) {
        // Opened in the browser that asked for it, the link goes straight to the form; elsewhere Keycloak asks to
        // confirm first.
        WebElement field = waitFor(browser, d -> {
            WebElement found = first(d, By.id("password-new"));
            if (found == null) {
                WebElement proceed = first(d, By.xpath("//a[contains(@href,'login-actions')]"
                        + "[not(contains(@href,'kc_locale'))][not(contains(@href,'registration'))]"));
                if (proceed != null && first(d, By.id("kc-form-login")) == null) {
                    proceed.click();
                }
            }
            return found;
        });
        field.sendKeys(password);
        browser.driver().findElement(By.id("password-confirm")).sendKeys(password);
        browser.screenshot("keycloak-new-password");
        browser.driver().findElement(By.cssSelector("form [type=submit]")).click();
    }

    /** The action link of the {@code nth} (1-based) mail to this address in the mail capture. */
    String lastActionLink(String email, int nth) {
        AtomicReference<String> link = new AtomicReference<>();
        await("mail number " + nth + " to " + email).atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    JsonNode mails = mails(email);
                    assertThat(mails.size()).isGreaterThanOrEqualTo(nth);
                    JsonNode mail = mails.get(nth - 1);
                    Matcher m = ACTION_LINK.matcher(mail.path("text").asText());
                    assertThat(m.find()).as("a Keycloak action link in " + mail.path("text").asText()).isTrue();
                    link.set(m.group(1));
                });
        return link.get();
    }

    JsonNode mails(String email) throws Exception {
        return json.readTree(send("GET", "/api/dev/emails?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8),
                null, null).body());
    }

    boolean onKeycloak(WebDriver driver) {
        return driver.getCurrentUrl().startsWith(keycloak);
    }

    // ---- a programme of the test's own

    /** An edition of this run, starting tomorrow in Beijing. */
    String edition(String organizer) throws Exception {
        String editionId = "iew-walk-" + run;
        LocalDate tomorrow = tomorrow();
        call("POST", "/api/schedule/editions", organizer, Map.of("id", editionId,
                "name", Map.of("en", "International Education Week " + run, "zh", "国际教育周 " + run),
                "description", Map.of("en", "A walk through the portal", "zh", "门户漫步"),
                "hostInstitution", "Beijing University of Technology", "startDate", tomorrow.toString(),
                "endDate", tomorrow.plusDays(2).toString(), "timeZone", BEIJING.getId(),
                "campuses", List.of("Pingyuan", "Tongzhou")));
        return editionId;
    }

    static LocalDate tomorrow() {
        return LocalDate.now(BEIJING).plusDays(1);
    }

    /** A session body with this run's edition, Beijing time, tomorrow at {@code hour}, for one hour. */
    Map<String, Object> session(String editionId, String title, String titleZh, int hour, String mode) {
        var start = tomorrow().atTime(hour, 0).atZone(BEIJING);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("editionId", editionId);
        s.put("title", Map.of("en", title, "zh", titleZh));
        s.put("description", Map.of("en", "A session of the walk " + run, "zh", "漫步中的一场 " + run));
        s.put("start", start.toOffsetDateTime().toString());
        s.put("end", start.plusHours(1).toOffsetDateTime().toString());
        s.put("timeZone", BEIJING.getId());
        s.put("mode", mode);
        s.put("language", "en");
        s.put("publish", false);
        if (!"ONLINE".equals(mode)) {
            // a room of this run's own: another test (or the seed) may hold a room at the same hour
            s.put("venue", Map.of("campus", "Pingyuan", "building", "Library", "room", "Room W" + run + hour));
        }
        if (!"OFFLINE".equals(mode)) {
            s.put("joinLink", "https://meeting.example.edu/j/" + run + hour);
        }
        return s;
    }

    String create(String organizer, Map<String, Object> session) throws Exception {
        return call("POST", "/api/schedule/sessions", organizer, session).path("id").asText();
    }

    /** Publishes the edition and waits until registration-service answers for each session. */
    void publish(String organizer, String editionId, String... sessionIds) throws Exception {
        call("POST", "/api/schedule/editions/" + editionId + "/releases", organizer, Map.of("note", "Published"));
        for (String id : sessionIds) {
            await("registration-service knows " + id).atMost(WAIT).pollInterval(Duration.ofMillis(300))
                    .until(() -> send("GET", "/api/registrations/sessions/" + id + "/availability", null, null)
                            .statusCode() == 200);
        }
    }

    // ---- the API

    String token(String subject, String role) throws Exception {
        return call("POST", "/api/auth/dev-token", null, Map.of("sub", subject, "name", subject,
                "email", subject + "@example.edu", "roles", List.of(role), "locale", "en")).path("access_token").asText();
    }

    JsonNode call(String method, String path, String token, Object body) throws Exception {
        HttpResponse<String> response = send(method, path, token, body == null ? null : json.writeValueAsString(body));
        assertThat(response.statusCode()).as(method + " " + path + " -> " + response.body()).isBetween(200, 299);
        return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : gateway + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if ("POST".equals(method) && path.startsWith("/api/registrations")) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode parse(String body) throws Exception {
        return json.readTree(body);
    }

    // ---- waiting and clicking

    static <T> T waitFor(Browser browser, Function<WebDriver, T> condition) {
        return waitFor(browser, WAIT, condition);
    }

    /**
     * Polls the condition every 100 ms until it gives a non-null value other than {@code false} (elements replaced
     * meanwhile, or a page between two documents, count as not yet), else fails with the page's URL and text.
     */
    static <T> T waitFor(Browser browser, Duration timeout, Function<WebDriver, T> condition) {
        WebDriver driver = browser.driver();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                T value = condition.apply(driver);
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (StaleElementReferenceException | NoSuchElementException | NullPointerException e) {
                // re-rendered under us, the next page has no body yet, or what the condition reads is not there
                // yet: ask again
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionFailedError("Waited " + timeout.toSeconds() + " s in vain on " + driver.getCurrentUrl()
                        + "; the page shows: " + text(driver, By.tagName("body")));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The page loaded and settled (see {@link Browser#waitForQuiet}). */
    static void waitForQuiet(Browser browser) {
        browser.waitForQuiet();
    }

    /** Clicks the element once it is displayed and enabled. */
    static void click(Browser browser, By by) {
        press(waitFor(browser, d -> {
            WebElement element = first(d, by);
            return element != null && element.isDisplayed() && element.isEnabled() ? element : null;
        }));
    }

    /** Clicks after scrolling the element to the middle of the viewport (a touch below the fold lands elsewhere). */
    static void press(WebElement element) {
        js(((WrapsDriver) element).getWrappedDriver())
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    /** Picks an option of a select, as a person does (the change event fires). */
    static void choose(WebElement select, String value) {
        press(select);
        select.findElement(By.cssSelector("option[value='" + value + "']")).click();
        try {
            assertThat(value(select)).as("chosen in " + select.getAttribute("name")).isEqualTo(value);
        } catch (StaleElementReferenceException e) {
            // the choice re-rendered the page (the edition picker does): it was taken
        }
    }

    /**
     * Replaces a text field's value as a person does: a tap on it, then back over every character and the new text,
     * key by key. On the emulated phone, keys sent to a field just tapped were seen dropped (the field focused, its
     * value untouched), so the typing is checked and, if it did not take, done again (three times at most) before
     * the test fails.
     */
    static void type(WebElement input, String value) {
        press(input);
        for (int attempt = 1; ; attempt++) {
            String old = value(input);
            if (old.isEmpty()) {
                // on the emulated phone an empty field took keys only after a first key combination
                input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            } else {
                input.sendKeys(Keys.END, Keys.BACK_SPACE.toString().repeat(old.length()));
            }
            input.sendKeys(value);
            if (value.equals(value(input)) || attempt == 3) {
                break;
            }
            pause();
        }
        assertThat(value(input)).as("typed into " + input.getAttribute("name")).isEqualTo(value);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static WebElement first(WebDriver driver, By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? null : found.get(0);
    }

    static String text(WebDriver driver, By by) {
        WebElement element = first(driver, by);
        return element == null ? "" : element.getText().trim();
    }

    static WebElement accountButton(WebDriver driver, String label) {
        return first(driver, By.xpath("//div[@id='account']//button[normalize-space()='" + label + "']"));
    }

    static WebElement button(WebDriver driver, String label) {
        return first(driver, By.xpath("//main//button[normalize-space()='" + label + "']"));
    }

    /** The labelled form control: the element whose id the label's {@code for} names. */
    static WebElement field(WebDriver driver, String label) {
        WebElement l = first(driver, By.xpath("//main//label[normalize-space()='" + label + "' or normalize-space()='"
                + label + " *']"));
        return l == null ? null : first(driver, By.id(l.getAttribute("for")));
    }

    static String heading(WebDriver driver) {
        return text(driver, By.cssSelector("main h1"));
    }

    static String htmlLang(WebDriver driver) {
        return (String) js(driver).executeScript("return document.documentElement.lang;");
    }

    static JavascriptExecutor js(WebDriver driver) {
        return (JavascriptExecutor) driver;
    }

    static String value(WebElement control) {
        return control.getDomProperty("value");
    }

    /** The portal's card of a session in a list, by its title. */
    static WebElement card(WebDriver driver, String title) {
        return first(driver, By.xpath("//main//li[contains(@class,'card')][.//h3/a[normalize-space()='" + title + "']]"));
    }
}
