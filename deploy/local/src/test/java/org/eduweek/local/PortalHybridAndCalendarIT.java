package org.eduweek.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eduweek.local.PortalWalk.button;
import static org.eduweek.local.PortalWalk.card;
import static org.eduweek.local.PortalWalk.click;
import static org.eduweek.local.PortalWalk.first;
import static org.eduweek.local.PortalWalk.heading;
import static org.eduweek.local.PortalWalk.press;
import static org.eduweek.local.PortalWalk.text;
import static org.eduweek.local.PortalWalk.value;
import static org.eduweek.local.PortalWalk.waitFor;

import java.net.http.HttpResponse;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.eduweek.platform.testing.browser.Browser;
import org.eduweek.platform.testing.browser.BrowserExtension;
import org.eduweek.platform.testing.browser.Browsers;
import org.eduweek.platform.testing.browser.ViewportSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Hybrid sessions and the personal calendar feed in headless Chromium on the shared platform. A new participant
 * signs up, opens a hybrid session whose in-person seat someone else has just taken: the form offers the free online
 * seat (selected, and says why) instead of a waitlist place, and choosing in person again says online is still free;
 * registered online. A second hybrid session is booked in person by choice. The confirmation, my registrations and
 * the feed show the chosen mode. The feed is made from my registrations, fetched as a calendar app would (plain
 * HTTP, no cookie): valid iCalendar with the person's sessions at their Beijing times, and not the session only
 * someone else registered for; replaced (the old address answers 404), then revoked (404 too). Every portal state at
 * phone size, and the key states at desktop size: no console error, no axe violation, a screenshot.
 */
@ExtendWith({BrowserExtension.class, SharedPlatform.Extension.class})
class PortalHybridAndCalendarIT {

    private static final DateTimeFormatter ICS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Test
    void hybridSeatsAreOfferedByModeAndTheCalendarFeedListsOnlyMySessions(SharedPlatform shared, Browsers browsers)
            throws Exception {
        PortalWalk walk = new PortalWalk(shared.platform());
        String run = walk.run;
        String organizer = walk.token("hybrid-organizer-" + run, "ORGANIZER");
        String editionId = walk.edition(organizer);
        String forumTitle = "Hybrid forum " + run;
        Map<String, Object> forum = walk.session(editionId, forumTitle, "混合论坛 " + run, 9, "HYBRID");
        forum.put("capacityInPerson", 1);
        forum.put("capacityOnline", 3);
        String forumId = walk.create(organizer, forum);
        String workshopTitle = "Hybrid workshop " + run;
        Map<String, Object> workshop = walk.session(editionId, workshopTitle, "混合工作坊 " + run, 14, "HYBRID");
        workshop.put("capacityInPerson", 5);
        workshop.put("capacityOnline", 5);
        String workshopId = walk.create(organizer, workshop);
        String othersTitle = "Lecture for others " + run;
        Map<String, Object> others = walk.session(editionId, othersTitle, "他人的讲座 " + run, 16, "OFFLINE");
        others.put("capacity", 10);
        String othersId = walk.create(organizer, others);
        walk.publish(organizer, editionId, forumId, workshopId, othersId);

        // someone else takes the forum's only in-person seat and registers for a session the participant will not
        String other = walk.token("hybrid-other-" + run, "PARTICIPANT");
        assertThat(walk.call("POST", "/api/registrations", other, Map.of("sessionId", forumId, "seatMode", "IN_PERSON"))
                .path("status").asText()).isEqualTo("CONFIRMED");
        walk.call("POST", "/api/registrations", other, Map.of("sessionId", othersId));

        Browser phone = browsers.open(ViewportSize.PHONE);
        phone.load(walk.gateway + "/");
        walk.signUp(phone, "Sign up", "en", "noor." + run + "@scholars.example.org", "Noor", "Haddad",
                "Hybrid-and-feeds-2027");
        Browser desktop = browsers.open(ViewportSize.DESKTOP);
        walk.shareSignIn(phone, desktop);

        // in person is full, online is free: the online seat is what the form offers
        for (Browser browser : List.of(desktop, phone)) {
            browser.load(walk.gateway + "/#/sessions/" + forumId);
            waitFor(browser, d -> forumTitle.equals(heading(d)));
            waitFor(browser, d -> "Register".equals(submitText(d)) && radio(d, "ONLINE") != null
                    && radio(d, "ONLINE").isSelected());
            assertThat(text(browser.driver(), By.id("reg-wait"))).isEqualTo("In-person seats are full but online seats"
                    + " are free, so online is selected. To wait for an in-person seat instead, choose “In person” and"
                    + " join the waitlist.");
            assertThat(text(browser.driver(), By.cssSelector("main form fieldset")))
                    .contains("In person — Full").contains("Online — 3 seats free");
            walk.check(browser, "01-hybrid-in-person-full-online-offered");
        }
        press(radio(phone.driver(), "IN_PERSON"));
        waitFor(phone, d -> "Join the waitlist".equals(submitText(d)));
        assertThat(text(phone.driver(), By.id("reg-wait")))
                .isEqualTo("Full — you would be number 1 on the waitlist. Online seats are still free.");
        walk.check(phone, "02-hybrid-in-person-chosen-waitlist");
        press(radio(phone.driver(), "ONLINE"));
        waitFor(phone, d -> "Register".equals(submitText(d)));
        click(phone, By.cssSelector("main form button[type=submit]"));
        waitFor(phone, d -> text(d, By.cssSelector(".notice.ok")).contains("You are registered to attend online."));
        walk.check(phone, "03-hybrid-registered-online");

        // the workshop has seats in both modes: in person, by choice
        phone.load(walk.gateway + "/#/sessions/" + workshopId);
        waitFor(phone, d -> workshopTitle.equals(heading(d)) && radio(d, "ONLINE") != null
                && text(d, By.cssSelector("main form fieldset")).contains("5 seats free"));
        assertThat(radio(phone.driver(), "IN_PERSON").isSelected()).as("in person is the default").isTrue();
        press(radio(phone.driver(), "ONLINE"));
        press(radio(phone.driver(), "IN_PERSON"));
        click(phone, By.cssSelector("main form button[type=submit]"));
        waitFor(phone, d -> text(d, By.cssSelector(".notice.ok")).contains("You are registered to attend in person."));
        walk.check(phone, "04-hybrid-registered-in-person");
        assertSeatsTaken(walk, forumId, "ONLINE", 1);
        assertSeatsTaken(walk, workshopId, "IN_PERSON", 1);

        // my registrations show the mode of each
        click(phone, By.cssSelector("#nav a[href='#/me/registrations']"));
        waitFor(phone, d -> card(d, forumTitle) != null && card(d, workshopTitle) != null);
        assertThat(card(phone.driver(), forumTitle).getText()).contains("Seat: Online");
        assertThat(card(phone.driver(), workshopTitle).getText()).contains("Seat: In person");
        assertThat(card(phone.driver(), othersTitle)).isNull();
        walk.check(phone, "05-mine-seat-modes");

        // the calendar feed, made from the portal and read as a calendar app reads it
        click(phone, By.xpath("//main//button[normalize-space()='Create calendar address']"));
        WebElement address = waitFor(phone, d -> first(d, By.cssSelector("input.feed-url")));
        String feed = value(address);
        assertThat(feed).startsWith(walk.gateway + "/api/registrations/calendar/").endsWith(".ics");
        walk.check(phone, "06-mine-feed-created");
        String calendar = fetchCalendar(walk, feed);
        List<String> events = events(calendar);
        assertThat(events).hasSize(2);
        String day = PortalWalk.tomorrow().format(ICS_DATE);
        assertThat(events.get(0)).contains("SUMMARY:" + forumTitle).contains("UID:" + forumId + "@eduweek")
                .contains("DTSTART;TZID=Asia/Shanghai:" + day + "T090000")
                .contains("DTEND;TZID=Asia/Shanghai:" + day + "T100000");
        assertThat(events.get(1)).contains("SUMMARY:" + workshopTitle)
                .contains("DTSTART;TZID=Asia/Shanghai:" + day + "T140000");
        assertThat(calendar).doesNotContain(othersTitle).doesNotContain(othersId);

        // replaced: the old address stops working at once, the new one works
        press(button(phone.driver(), "Replace with a new address"));
        String replaced = waitFor(phone, d -> {
            WebElement input = first(d, By.cssSelector("input.feed-url"));
            return input != null && !feed.equals(value(input)) ? value(input) : null;
        });
        walk.check(phone, "07-mine-feed-replaced");
        assertGone(walk, feed);
        assertThat(events(fetchCalendar(walk, replaced))).hasSize(2);

        walk.shareSignIn(phone, desktop);
        desktop.load(walk.gateway + "/#/me/registrations");
        waitFor(desktop, d -> card(d, forumTitle) != null && button(d, "Revoke") != null);
        assertThat(text(desktop.driver(), By.cssSelector("[aria-labelledby='feed-h']"))).contains("Active since");
        walk.check(desktop, "08-mine-feed-active");

        press(button(phone.driver(), "Revoke"));
        waitFor(phone, d -> button(d, "Create calendar address") != null && first(d, By.cssSelector("input.feed-url")) == null);
        walk.check(phone, "09-mine-feed-revoked");
        assertGone(walk, replaced);

        walk.report("hybrid seats and calendar feed", phone, desktop);
    }

    private static String submitText(WebDriver driver) {
        return text(driver, By.cssSelector("main form button[type=submit]"));
    }

    private static WebElement radio(WebDriver driver, String mode) {
        return first(driver, By.cssSelector("main form input[type=radio][value='" + mode + "']"));
    }

    private static void assertSeatsTaken(PortalWalk walk, String sessionId, String mode, int byParticipant)
            throws Exception {
        JsonNode seats = walk.call("GET", "/api/registrations/sessions/" + sessionId + "/availability", null, null);
        assertThat(seats.path("seats")).anySatisfy(seat -> {
            assertThat(seat.path("seatMode").asText()).isEqualTo(mode);
            assertThat(seat.path("confirmed").asInt()).isGreaterThanOrEqualTo(byParticipant);
            assertThat(seat.path("waiting").asInt()).isZero();
        });
    }

    /** The feed as a calendar app reads it: no cookie, no token. */
    private static String fetchCalendar(PortalWalk walk, String url) throws Exception {
        HttpResponse<String> response = walk.send("GET", url, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/calendar"));
        String body = response.body();
        assertThat(body).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n").contains("VERSION:2.0")
                .contains("PRODID:").contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai");
        for (String line : body.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .as("RFC 5545 folds lines at 75 octets: " + line).isLessThanOrEqualTo(75);
        }
        return body;
    }

    /** The unfolded VEVENT blocks, in order. */
    private static List<String> events(String calendar) {
        String unfolded = calendar.replace("\r\n ", "").replace("\r\n\t", "");
        List<String> events = new ArrayList<>();
        int at = 0;
        while ((at = unfolded.indexOf("BEGIN:VEVENT", at)) >= 0) {
            int end = unfolded.indexOf("END:VEVENT", at);
            assertThat(end).as("every VEVENT ends").isPositive();
            events.add(unfolded.substring(at, end));
            at = end;
        }
        return events;
    }

    private static void assertGone(PortalWalk walk, String url) throws Exception {
        HttpResponse<String> response = walk.send("GET", url, null, null);
        assertThat(response.statusCode()).as(response.body()).isIn(404, 410);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
