package org.eduweek.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eduweek.local.PortalWalk.click;
import static org.eduweek.local.PortalWalk.first;
import static org.eduweek.local.PortalWalk.htmlLang;
import static org.eduweek.local.PortalWalk.js;
import static org.eduweek.local.PortalWalk.press;
import static org.eduweek.local.PortalWalk.text;
import static org.eduweek.local.PortalWalk.waitFor;
import static org.eduweek.local.PortalWalk.waitForQuiet;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.eduweek.platform.testing.browser.Browser;
import org.eduweek.platform.testing.browser.BrowserExtension;
import org.eduweek.platform.testing.browser.Browsers;
import org.eduweek.platform.testing.browser.ViewportSize;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A participant's whole journey through the portal in headless Chromium (the browser harness), on the shared
 * platform with its Keycloak: someone who has never seen the platform signs up on Keycloak's registration page
 * reached from the portal, follows the verification link from the mail capture, sets a password and lands back in
 * the portal signed in; browses and filters the programme, opens a session, finds its last seat taken by someone
 * else and joins the waitlist, sees the promotion appear without reloading when that person cancels, shows the QR
 * ticket, cancels through the confirmation dialog, registers again, switches to Chinese and back, and signs out.
 * The same account then signs in with its password at desktop size, where the key pages are checked again. Every
 * page and state of the portal: no console error and no axe-core WCAG 2.2 A/AA violation, with a screenshot
 * ({@code target/screenshots/PortalJourneyIT/}). Keycloak's own pages are driven but not judged.
 */
@ExtendWith({BrowserExtension.class, SharedPlatform.Extension.class})
@Order(4)
class PortalJourneyIT {

    private static final String PASSWORD = "Journey-through-2027";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The session page looks for a promotion every 10 s while waitlisted; the registration service promotes at once. */
    private static final Duration PROMOTION_WAIT = Duration.ofSeconds(45);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String email = "lucia." + run + "@scholars.example.org";
    private String gateway;
    private PortalWalk walk;
    private String keycloak;

    @Test
    void aNewParticipantSignsUpRegistersIsWaitlistedPromotedShowsTheTicketCancelsAndRegistersAgain(
            SharedPlatform shared, Browsers browsers) throws Exception {
        Platform platform = shared.platform();
        assertThat(platform.keycloak()).as("the shared platform runs Keycloak").isNotNull();
        gateway = platform.gatewayUrl();
        walk = new PortalWalk(platform);
        keycloak = platform.keycloak().url();
        Programme programme = createProgramme();

        Browser phone = browsers.open(ViewportSize.PHONE);
        chineseSignInPageIsReachable(phone);
        signUp(phone);
        browseAndFilter(phone, programme);
        registerWaitlistedThenPromoted(phone, programme);
        showTicketCancelAndRegisterAgain(phone, programme);
        switchLanguage(phone, programme);
        signOut(phone);

        Browser desktop = browsers.open(ViewportSize.DESKTOP);
        signInAtDesktop(desktop, programme);

        walk.report("portal journey");
        for (Browser browser : List.of(phone, desktop)) {
            List<String> theirs = browser.consoleErrors().stream().filter(e -> e.startsWith(keycloak)).toList();
            System.out.printf("[browser] %s: %d console error(s) on Keycloak's pages (not judged)%s%n",
                    browser.size().label(), theirs.size(), theirs.isEmpty() ? "" : ":\n  " + String.join("\n  ", theirs));
        }
    }

    // ---- the journey

    /** The portal in Chinese sends its visitors to Keycloak's pages in Chinese. */
    private void chineseSignInPageIsReachable(Browser phone) {
        phone.load(gateway + "/");
        waitForProgramme(phone);
        check(phone, "01-home-signed-out");
        click(phone, By.id("lang-switch"));
        waitFor(phone, d -> "zh-CN".equals(htmlLang(d)) && buttonWithText(d, "登录") != null);
        check(phone, "02-home-signed-out-zh");
        press(buttonWithText(phone.driver(), "登录"));
        WebElement form = waitFor(phone, d -> onKeycloak(d) ? first(d, By.id("kc-form-login")) : null);
        assertThat(htmlLang(phone.driver())).isEqualTo("zh-Hans");
        assertThat(form.getText() + phone.driver().getTitle()).contains("登录");
        phone.screenshot("03-keycloak-sign-in-zh");
        phone.load(gateway + "/");
        waitFor(phone, d -> "zh-CN".equals(htmlLang(d)) ? first(d, By.cssSelector("main .results")) : null);
        click(phone, By.id("lang-switch"));
        waitFor(phone, d -> "en".equals(htmlLang(d)) && buttonWithText(d, "Sign up") != null);
    }

    /**
     * Sign-up on Keycloak's registration form, the verification link from the mail capture opened in the same
     * browser, the password set there, and back in the portal signed in.
     */
    private void signUp(Browser phone) throws Exception {
        waitForProgramme(phone);
        press(buttonWithText(phone.driver(), "Sign up"));
        waitFor(phone, d -> onKeycloak(d) ? first(d, By.id("kc-register-form")) : null);
        assertThat(htmlLang(phone.driver())).isEqualTo("en");
        phone.driver().findElement(By.id("email")).sendKeys(email);
        phone.driver().findElement(By.id("firstName")).sendKeys("Lucía");
        phone.driver().findElement(By.id("lastName")).sendKeys("Romero");
        phone.screenshot("04-keycloak-sign-up");
        phone.driver().findElement(By.cssSelector("#kc-register-form [type=submit]")).click();
        waitFor(phone, d -> onKeycloak(d) && d.findElement(By.tagName("body")).getText().toLowerCase()
                .contains("verify your email"));
        phone.screenshot("05-keycloak-verify-email");

        phone.driver().get(verificationLink());
        // Opened in the browser that signed up, the link goes straight to the new password; elsewhere Keycloak asks
        // to confirm first.
        WebElement password = waitFor(phone, d -> {
            WebElement field = first(d, By.id("password-new"));
            if (field == null) {
                WebElement proceed = first(d, By.partialLinkText("proceed"));
                if (proceed != null) {
                    proceed.click();
                }
            }
            return field;
        });
        password.sendKeys(PASSWORD);
        phone.driver().findElement(By.id("password-confirm")).sendKeys(PASSWORD);
        phone.screenshot("06-keycloak-set-password");
        phone.driver().findElement(By.cssSelector("form [type=submit]")).click();

        waitFor(phone, d -> d.getCurrentUrl().startsWith(gateway) && signedInAs(d, "Lucía Romero"));
        waitForProgramme(phone);
        check(phone, "07-home-signed-in");
    }

    /**
     * What a signed-out visitor does before deciding: each of the programme's filters (day, track, activity, campus,
     * language, audience) narrows the list to the sessions it names and is kept in the address, so the same address
     * opened again (shared, reloaded) shows the same list; a session page names its speakers and institutions and
     * shows its free seats changing while it is open (someone registers through the API). Phone size, English.
     */
    @Test
    void aVisitorFiltersTheProgrammeAndWatchesASessionsSeatsChange(SharedPlatform shared, Browsers browsers)
            throws Exception {
        PortalWalk walk = new PortalWalk(shared.platform());
        String run = walk.run;
        String organizer = walk.token("filters-organizer-" + run, "ORGANIZER");
        String editionId = walk.edition(organizer);
        String trackA = walk.call("POST", "/api/schedule/tracks", organizer, Map.of("editionId", editionId,
                "title", Map.of("en", "Teaching track " + run, "zh", "教学板块 " + run))).path("id").asText();
        String trackB = walk.call("POST", "/api/schedule/tracks", organizer, Map.of("editionId", editionId,
                "title", Map.of("en", "Culture track " + run, "zh", "文化板块 " + run))).path("id").asText();
        String activityA = walk.call("POST", "/api/schedule/activities", organizer, Map.of("editionId", editionId,
                "trackId", trackA, "type", "LECTURE", "category", "TEACHER_TRAINING",
                "title", Map.of("en", "Lecture series " + run, "zh", "系列讲座 " + run),
                "description", Map.of("en", "Lectures", "zh", "讲座"))).path("id").asText();
        String activityB = walk.call("POST", "/api/schedule/activities", organizer, Map.of("editionId", editionId,
                "trackId", trackB, "type", "SALON", "category", "CULTURAL",
                "title", Map.of("en", "Tea salon " + run, "zh", "茶话沙龙 " + run),
                "description", Map.of("en", "Tea", "zh", "茶"))).path("id").asText();
        String institution = walk.call("POST", "/api/schedule/institutions", organizer, Map.of(
                "name", Map.of("en", "Heidelberg University " + run, "zh", "海德堡大学 " + run), "country", "DE"))
                .path("id").asText();
        String speaker = walk.call("POST", "/api/schedule/speakers", organizer, Map.of(
                "name", Map.of("en", "Anna Weber " + run, "zh", "安娜·韦伯 " + run),
                "affiliation", "Heidelberg University", "institutionId", institution,
                "bio", Map.of("en", "Teaches comparative education.", "zh", "教授比较教育学。"))).path("id").asText();

        // alpha: day one, Pingyuan, English, teachers, track A; beta: day two, Tongzhou, Chinese, students, track B
        String alpha = "Filter alpha " + run;
        Map<String, Object> a = walk.session(editionId, alpha, "筛选甲 " + run, 10, "OFFLINE");
        a.put("capacity", 3);
        a.put("trackId", trackA);
        a.put("activityId", activityA);
        a.put("audience", List.of("TEACHER"));
        a.put("speakerIds", List.of(speaker));
        a.put("institutionIds", List.of(institution));
        String alphaId = walk.create(organizer, a);
        String beta = "Filter beta " + run;
        Map<String, Object> b = walk.session(editionId, beta, "筛选乙 " + run, 14, "OFFLINE");
        ZonedDateTime betaStart = PortalWalk.tomorrow().plusDays(1).atTime(14, 0).atZone(BEIJING);
        b.put("start", betaStart.toOffsetDateTime().toString());
        b.put("end", betaStart.plusHours(1).toOffsetDateTime().toString());
        b.put("venue", Map.of("campus", "Tongzhou", "building", "Hall", "room", "F-" + run));
        b.put("capacity", 5);
        b.put("language", "zh");
        b.put("trackId", trackB);
        b.put("activityId", activityB);
        b.put("audience", List.of("STUDENT"));
        String betaId = walk.create(organizer, b);
        walk.publish(organizer, editionId, alphaId, betaId);

        Browser phone = browsers.open(ViewportSize.PHONE);
        String programme = walk.gateway + "/#/?edition=" + editionId;
        phone.load(programme);
        waitFor(phone, d -> cardLink(d, alpha) != null && cardLink(d, beta) != null);
        waitForProgramme(phone);
        walk.check(phone, "20-programme-unfiltered");

        String dayOne = PortalWalk.tomorrow().toString();
        String dayTwo = PortalWalk.tomorrow().plusDays(1).toString();
        record Filter(String label, String param, String value, String kept) {
        }
        for (Filter f : List.of(new Filter("Day", "day", dayTwo, beta), new Filter("Track", "track", trackA, alpha),
                new Filter("Activity", "activity", activityB, beta), new Filter("Campus", "campus", "Pingyuan", alpha),
                new Filter("Language", "language", "zh", beta), new Filter("Audience", "audience", "TEACHER", alpha))) {
            String other = f.kept().equals(alpha) ? beta : alpha;
            phone.load(programme);
            phone.driver().navigate().refresh(); // each filter from the unfiltered list, not the last one's
            waitFor(phone, d -> cardLink(d, alpha) != null && cardLink(d, beta) != null);
            WebElement filters = phone.driver().findElement(By.cssSelector("details.filters"));
            if (filters.getAttribute("open") == null) {
                press(filters.findElement(By.tagName("summary")));
            }
            By control = By.xpath("//main//label[normalize-space()='" + f.label() + "']/following-sibling::select");
            choose(waitFor(phone, d -> {
                WebElement select = first(d, control);
                return select != null && !select.findElements(By.cssSelector("option[value='" + f.value() + "']"))
                        .isEmpty() ? select : null;
            }), f.value());
            waitFor(phone, d -> cardLink(d, f.kept()) != null && cardLink(d, other) == null);
            String address = phone.driver().getCurrentUrl();
            assertThat(address).as(f.label() + " is in the shareable address")
                    .contains(f.param() + "=" + f.value()).contains("edition=" + editionId);
            if (f.param().equals("track")) {
                // the activities offered are the chosen track's
                By activities = By.xpath("//main//label[normalize-space()='Activity']/following-sibling::select/option");
                waitFor(phone, d -> d.findElements(activities).stream().map(o -> o.getDomProperty("value")).toList()
                        .equals(List.of("", activityA)) ? Boolean.TRUE : null);
            }
            waitForProgramme(phone);
            walk.check(phone, "21-programme-by-" + f.param());

            // the address opened again: the same filter chosen, the same list
            phone.driver().navigate().refresh();
            waitFor(phone, d -> cardLink(d, f.kept()) != null && cardLink(d, other) == null);
            assertThat(phone.driver().findElement(control).getDomProperty("value")).isEqualTo(f.value());
        }

        // the session page, signed out: speakers and institutions, and the seats as they change
        phone.load(walk.gateway + "/#/sessions/" + alphaId);
        waitFor(phone, d -> alpha.equals(text(d, By.cssSelector("main h1")))
                && text(d, By.cssSelector("main .seats")).contains("3 seats free")
                && text(d, By.cssSelector("main")).contains("Heidelberg University " + run));
        String page = text(phone.driver(), By.id("main"));
        assertThat(page).contains("Speakers").contains("Anna Weber " + run + " — Heidelberg University")
                .contains("Teaches comparative education.").contains("Institutions")
                .contains("Heidelberg University " + run + " — Germany")
                .contains("Teaching track " + run).contains("Lecture series " + run);
        walk.check(phone, "22-session-signed-out");
        String teacher = walk.token("filters-teacher-" + run, "PARTICIPANT");
        walk.call("PUT", "/api/registrations/me/profile", teacher, Map.of("audience", "TEACHER"));
        walk.call("POST", "/api/registrations", teacher, Map.of("sessionId", alphaId));
        waitFor(phone, d -> text(d, By.cssSelector("main .seats")).contains("2 seats free"));
        walk.check(phone, "23-session-seats-changed-live");

        walk.report("programme filters and a session page signed out", phone);
    }

    /** The week of the test's edition, chosen in the edition picker, filtered by format and searched. */
    private void browseAndFilter(Browser phone, Programme programme) {
        choose(waitFor(phone, d -> first(d, By.xpath("//select[option[@value='" + programme.editionId + "']]"))), programme.editionId);
        waitFor(phone, d -> cardLink(d, programme.onlineTitle) != null && cardLink(d, programme.title) != null);
        waitForProgramme(phone);
        check(phone, "08-programme");

        WebElement filters = phone.driver().findElement(By.cssSelector("details.filters"));
        if (filters.getAttribute("open") == null) {
            press(filters.findElement(By.tagName("summary")));
        }
        choose(waitFor(phone, d -> first(d, By.xpath("//label[normalize-space()='Format']/following-sibling::select"))), "OFFLINE");
        waitFor(phone, d -> cardLink(d, programme.onlineTitle) == null && cardLink(d, programme.title) != null);
        assertThat(phone.driver().getCurrentUrl()).as("filters are in the shareable URL").contains("mode=OFFLINE");
        waitForProgramme(phone);
        check(phone, "09-programme-filtered");

        WebElement search = phone.driver().findElement(By.cssSelector("form[role=search] input[type=search]"));
        search.sendKeys("Silk Road " + run, Keys.ENTER);
        waitFor(phone, d -> d.getCurrentUrl().contains("q=") && cardLink(d, programme.title) != null
                && d.findElements(By.cssSelector("main .days .card")).size() == 1);
        waitForProgramme(phone);
        check(phone, "10-programme-searched");
    }

    /**
     * The session page; someone else takes its last seat, so the form offers the waitlist; joined at number 1; that
     * person cancels and the promotion appears without a reload.
     */
    private void registerWaitlistedThenPromoted(Browser phone, Programme programme) throws Exception {
        press(cardLink(phone.driver(), programme.title));
        waitFor(phone, d -> programme.title.equals(text(d, By.cssSelector("main h1"))));
        WebElement submit = waitFor(phone, d -> first(d, By.cssSelector("main form button[type=submit]")));
        waitFor(phone, d -> text(d, By.cssSelector("ul.seats")).contains("1 seat free"));
        assertThat(submit.getText()).isEqualTo("Register");
        check(phone, "11-session");

        // the last seat goes to someone else while the page is open: the live seats say so, the form follows
        String other = walk.token("journey-other-" + run, "PARTICIPANT");
        JsonNode taken = walk.call("POST", "/api/registrations", other, Map.of("sessionId", programme.sessionId));
        assertThat(taken.path("status").asText()).isEqualTo("CONFIRMED");
        waitFor(phone, d -> text(d, By.cssSelector("ul.seats")).contains("Full")
                && "Join the waitlist".equals(text(d, By.cssSelector("main form button[type=submit]"))));
        check(phone, "12-session-full");

        click(phone, By.cssSelector("main form button[type=submit]"));
        waitFor(phone, d -> text(d, By.cssSelector(".notice.warn")).contains("You are number 1 on the waitlist to attend in person."));
        check(phone, "13-session-waitlisted");
        assertOneConfirmedOneWaiting(programme);

        walk.call("POST", "/api/registrations/" + taken.path("id").asText() + "/cancel", other, null);
        long cancelled = System.nanoTime();
        waitFor(phone, PROMOTION_WAIT, d -> text(d, By.cssSelector(".notice.ok")).contains("Good news: a seat freed up"));
        System.out.printf("[browser] the promotion showed %d ms after the other participant cancelled%n",
                Duration.ofNanos(System.nanoTime() - cancelled).toMillis());
        assertThat(text(phone.driver(), By.cssSelector(".notice.ok"))).contains("Confirmed");
        check(phone, "14-session-promoted");
    }

    /** My registrations: the QR ticket drawn, cancel after the confirmation dialog, register again. */
    private void showTicketCancelAndRegisterAgain(Browser phone, Programme programme) {
        click(phone, By.linkText("See your ticket"));
        WebElement card = waitFor(phone, d -> first(d, By.xpath("//section[h2='Upcoming']//li[contains(@class,'card')]"
                + "[.//h3/a[normalize-space()='" + programme.title + "']]")));
        String registrationId = card.getAttribute("data-reg");
        assertThat(card.getText()).contains(programme.title).contains("Confirmed");
        waitForQuiet(phone);
        check(phone, "15-mine");

        press(card.findElement(By.xpath(".//button[normalize-space()='Show QR ticket']")));
        WebElement qr = waitFor(phone, d -> first(d, By.cssSelector("[data-reg='" + registrationId + "'] .ticket img")));
        waitFor(phone, d -> Boolean.TRUE.equals(js(d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0;", qr)));
        long width = ((Number) js(phone.driver()).executeScript("return arguments[0].naturalWidth;", qr)).longValue();
        assertThat(width).as("the QR image decoded").isPositive();
        assertThat(qr.getAttribute("alt")).isEqualTo("QR ticket for " + programme.title);
        assertThat(qr.getRect().getWidth()).as("large enough to read at a door").isGreaterThanOrEqualTo(250);
        check(phone, "16-mine-ticket");

        card = phone.driver().findElement(By.cssSelector("[data-reg='" + registrationId + "']"));
        press(card.findElement(By.xpath(".//button[normalize-space()='Cancel registration']")));
        WebElement dialog = waitFor(phone, d -> first(d, By.cssSelector("dialog[open]")));
        assertThat(dialog.getText()).contains("Cancel this registration?").contains(programme.title);
        check(phone, "17-mine-cancel-dialog");
        press(dialog.findElement(By.xpath(".//button[normalize-space()='Yes, cancel']")));
        WebElement again = waitFor(phone, d -> first(d, By.xpath("//section[h2='Cancelled']//a[normalize-space()='Register again']")));
        assertThat(phone.driver().findElements(By.cssSelector("dialog[open]"))).isEmpty();
        waitForQuiet(phone);
        check(phone, "18-mine-cancelled");

        press(again);
        waitFor(phone, d -> programme.title.equals(text(d, By.cssSelector("main h1"))));
        waitFor(phone, d -> "Register".equals(text(d, By.cssSelector("main form button[type=submit]")))
                && text(d, By.cssSelector("ul.seats")).contains("1 seat free"));
        click(phone, By.cssSelector("main form button[type=submit]"));
        waitFor(phone, d -> text(d, By.cssSelector(".notice.ok")).contains("You are registered to attend in person."));
        check(phone, "19-session-registered-again");
    }

    /** Chinese and back: the document's language and the texts change, the session's own title too. */
    private void switchLanguage(Browser phone, Programme programme) {
        click(phone, By.id("lang-switch"));
        waitFor(phone, d -> "zh-CN".equals(htmlLang(d)) && programme.titleZh.equals(text(d, By.cssSelector("main h1")))
                && text(d, By.id("reg-h")).equals("我的报名") && text(d, By.cssSelector(".notice.ok")).contains("已确认"));
        assertThat(text(phone.driver(), By.id("nav"))).contains("日程").contains("个人资料");
        assertThat(text(phone.driver(), By.id("toast"))).as("no message left in the language just left").isEmpty();
        waitForQuiet(phone);
        check(phone, "20-session-zh");

        click(phone, By.cssSelector("#nav a[href='#/me/registrations']"));
        waitFor(phone, d -> "我的报名".equals(text(d, By.cssSelector("main h1")))
                && text(d, By.cssSelector("main .cards")).contains(programme.titleZh));
        waitForQuiet(phone);
        check(phone, "21-mine-zh");

        click(phone, By.id("lang-switch"));
        waitFor(phone, d -> "en".equals(htmlLang(d)) && "My registrations".equals(text(d, By.cssSelector("main h1")))
                && text(d, By.cssSelector("main .cards")).contains(programme.title));
        waitForQuiet(phone);
        check(phone, "22-mine-en");
    }

    private void signOut(Browser phone) {
        press(buttonWithText(phone.driver(), "Sign out"));
        waitFor(phone, d -> d.getCurrentUrl().startsWith(gateway) && buttonWithText(d, "Sign in") != null
                && buttonWithText(d, "Sign out") == null);
        waitForProgramme(phone);
        check(phone, "23-signed-out");
    }

    /** The same account on a desktop: Keycloak's sign-in form with the password, then the key pages. */
    private void signInAtDesktop(Browser desktop, Programme programme) {
        desktop.load(gateway + "/#/sessions/" + programme.sessionId);
        waitFor(desktop, d -> programme.title.equals(text(d, By.cssSelector("main h1"))));
        WebElement signIn = waitFor(desktop, d -> first(d, By.xpath("//section[@aria-labelledby='reg-h']//button[normalize-space()='Sign in']")));
        waitForQuiet(desktop);
        check(desktop, "24-session-signed-out");
        press(signIn);
        waitFor(desktop, d -> onKeycloak(d) ? first(d, By.id("kc-form-login")) : null);
        desktop.driver().findElement(By.id("username")).sendKeys(email);
        desktop.driver().findElement(By.id("password")).sendKeys(PASSWORD);
        desktop.screenshot("25-keycloak-sign-in");
        desktop.driver().findElement(By.cssSelector("#kc-form-login [type=submit]")).click();

        waitFor(desktop, d -> d.getCurrentUrl().startsWith(gateway) && signedInAs(d, "Lucía Romero")
                && d.getCurrentUrl().contains("#/sessions/" + programme.sessionId));
        waitFor(desktop, d -> text(d, By.cssSelector(".notice.ok")).contains("You are registered to attend in person."));
        waitForQuiet(desktop);
        check(desktop, "26-session-signed-in");

        click(desktop, By.cssSelector("#nav a[href='#/']"));
        choose(waitFor(desktop, d -> first(d, By.xpath("//select[option[@value='" + programme.editionId + "']]"))), programme.editionId);
        waitFor(desktop, d -> cardLink(d, programme.title) != null);
        waitForProgramme(desktop);
        check(desktop, "27-programme");

        click(desktop, By.cssSelector("#nav a[href='#/me/registrations']"));
        WebElement toggle = waitFor(desktop, d -> first(d, By.xpath("//button[normalize-space()='Show QR ticket']")));
        press(toggle);
        WebElement qr = waitFor(desktop, d -> first(d, By.cssSelector(".ticket img")));
        waitFor(desktop, d -> Boolean.TRUE.equals(js(d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0;", qr)));
        waitForQuiet(desktop);
        check(desktop, "28-mine-ticket");

        click(desktop, By.cssSelector("#nav a[href='#/me/profile']"));
        waitFor(desktop, d -> "Profile".equals(text(d, By.cssSelector("main h1")))
                && first(d, By.cssSelector("main form")) != null);
        waitForQuiet(desktop);
        check(desktop, "29-profile");
    }

    // ---- the programme the test registers for

    /** An edition of its own, starting tomorrow: an in-person session with one seat and an online one. */
    private record Programme(String editionId, String sessionId, String title, String titleZh, String onlineTitle) {
    }

    private Programme createProgramme() throws Exception {
        String organizer = walk.token("journey-organizer-" + run, "ORGANIZER");
        String editionId = "iew-journey-" + run;
        LocalDate tomorrow = LocalDate.now(BEIJING).plusDays(1);
        walk.call("POST", "/api/schedule/editions", organizer, Map.of("id", editionId,
                "name", Map.of("en", "International Education Week journey " + run, "zh", "国际教育周 " + run),
                "description", Map.of("en", "The portal journey", "zh", "门户之旅"),
                "hostInstitution", "Beijing University of Technology", "startDate", tomorrow.toString(),
                "endDate", tomorrow.plusDays(2).toString(), "timeZone", BEIJING.getId(),
                "campuses", List.of("Pingyuan", "Tongzhou")));
        String title = "Silk Road " + run + " seminar";
        String titleZh = "丝绸之路 " + run + " 研讨会";
        ZonedDateTime start = tomorrow.atTime(10, 0).atZone(BEIJING);
        Map<String, Object> seminar = new LinkedHashMap<>();
        seminar.put("editionId", editionId);
        seminar.put("title", Map.of("en", title, "zh", titleZh));
        seminar.put("description", Map.of("en", "Trade, scholars and languages along the Silk Road.",
                "zh", "丝绸之路上的贸易、学者与语言。"));
        seminar.put("start", start.toOffsetDateTime().toString());
        seminar.put("end", start.plusHours(1).toOffsetDateTime().toString());
        seminar.put("timeZone", BEIJING.getId());
        seminar.put("mode", "OFFLINE");
        seminar.put("capacity", 1);
        // a room of its own: another test (or the seed) may hold Library A101 at the same hour
        seminar.put("venue", Map.of("campus", "Pingyuan", "building", "Library", "room", "J-" + run));
        seminar.put("language", "en");
        seminar.put("publish", false);
        String sessionId = walk.call("POST", "/api/schedule/sessions", organizer, seminar).path("id").asText();

        String onlineTitle = "Online tea " + run;
        Map<String, Object> online = new LinkedHashMap<>(seminar);
        online.put("title", Map.of("en", onlineTitle, "zh", "线上茶叙 " + run));
        online.put("start", start.plusHours(3).toOffsetDateTime().toString());
        online.put("end", start.plusHours(4).toOffsetDateTime().toString());
        online.put("mode", "ONLINE");
        online.put("capacity", 100);
        online.remove("venue");
        online.put("joinLink", "https://meeting.example.edu/j/" + run);
        walk.call("POST", "/api/schedule/sessions", organizer, online);
        walk.call("POST", "/api/schedule/editions/" + editionId + "/releases", organizer,
                Map.of("note", "Programme published"));

        // registration-service learns of the session from SessionScheduled: its seats answer once it has
        await("registration-service knows the session").atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> walk.send("GET", "/api/registrations/sessions/" + sessionId + "/availability", null, null)
                        .statusCode() == 200);
        return new Programme(editionId, sessionId, title, titleZh, onlineTitle);
    }

    /** The seats as anyone sees them: one confirmed, one waiting. */
    private void assertOneConfirmedOneWaiting(Programme programme) throws Exception {
        JsonNode seats = walk.call("GET", "/api/registrations/sessions/" + programme.sessionId + "/availability", null, null);
        assertThat(seats.path("seats")).anySatisfy(seat -> {
            assertThat(seat.path("seatMode").asText()).isEqualTo("IN_PERSON");
            assertThat(seat.path("confirmed").asInt()).isEqualTo(1);
            assertThat(seat.path("waiting").asInt()).isEqualTo(1);
        });
    }

    // ---- checks

    /**
     * No console error from the portal, no axe violation, and screenshots of the state. The browser's log holds the
     * whole journey, Keycloak's pages included: what those log (their own scripts and resources, each message
     * starting with Keycloak's URL) is Keycloak's, printed at the end and not judged.
     */
    private void check(Browser browser, String step) {
        walk.checkExcept(browser, step, e -> false);
    }

    private static void waitForProgramme(Browser browser) {
        waitFor(browser, d -> !text(d, By.cssSelector("main .results")).isBlank()
                && d.findElements(By.cssSelector("main .days[aria-busy='false']")).size() == 1);
        waitForQuiet(browser);
    }

    /** Picks an option of a select, as a person does (the change event fires). */
    private static void choose(WebElement select, String value) {
        select.findElement(By.cssSelector("option[value='" + value + "']")).click();
    }

    private static WebElement buttonWithText(WebDriver driver, String label) {
        return first(driver, By.xpath("//div[@id='account']//button[normalize-space()='" + label + "']"));
    }

    private static boolean signedInAs(WebDriver driver, String name) {
        return text(driver, By.cssSelector("#account .who")).contains(name);
    }

    private static WebElement cardLink(WebDriver driver, String title) {
        return first(driver, By.xpath("//main//li[contains(@class,'card')]//h3/a[normalize-space()='" + title + "']"));
    }

    private boolean onKeycloak(WebDriver driver) {
        return driver.getCurrentUrl().startsWith(keycloak);
    }

    // ---- the API, as scripts and the other participant use it

    private String verificationLink() {
        AtomicReference<String> link = new AtomicReference<>();
        await("the verification email in the capture").atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    JsonNode emails = walk.mails(email);
                    assertThat(emails).isNotEmpty();
                    JsonNode last = emails.get(emails.size() - 1);
                    Matcher m = PortalWalk.ACTION_LINK.matcher(last.path("text").asText());
                    assertThat(m.find()).as("a verification link in " + last.path("text").asText()).isTrue();
                    link.set(m.group(1));
                });
        return link.get();
    }

}
