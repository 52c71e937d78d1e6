package org.eduweek.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eduweek.local.PortalWalk.click;
import static org.eduweek.local.PortalWalk.first;
import static org.eduweek.local.PortalWalk.htmlLang;
import static org.eduweek.local.PortalWalk.press;
import static org.eduweek.local.PortalWalk.text;
import static org.eduweek.local.PortalWalk.type;
import static org.eduweek.local.PortalWalk.waitFor;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.eduweek.local.keycloak.KeycloakAccounts;
import org.eduweek.platform.testing.browser.Browser;
import org.eduweek.platform.testing.browser.BrowserExtension;
import org.eduweek.platform.testing.browser.Browsers;
import org.eduweek.platform.testing.browser.ViewportSize;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Walk-ins at the door page in headless Chromium on the shared platform, against the embedded Keycloak: an
 * organizer signs in, opens the session, and registers someone who has no account by name and email — Keycloak's
 * invitation (set your password, verify your address) arrives in the stack's mail capture and the roster shows them
 * checked in; a field the service refuses is shown under that field; in Chinese on a desktop, someone with an
 * account is admitted without an invitation, and a full session is refused with the service's reason. Every state:
 * no console error, no axe-core WCAG 2.2 A/AA violation, screenshots in {@code target/screenshots/DoorWalkInIT/}.
 */
@ExtendWith({BrowserExtension.class, SharedPlatform.Extension.class})
@Order(5)
class DoorWalkInIT {

    private PortalWalk walk;
    private String organizerEmail;
    private String password;

    @Test
    void anOrganizerAdmitsWalkInsWhoAreInvitedOrFoundAndCheckedIn(SharedPlatform shared, Browsers browsers)
            throws Exception {
        Platform platform = shared.platform();
        walk = new PortalWalk(platform);
        String run = walk.run;
        organizerEmail = "omar.walkin." + run + "@eduweek.example.edu";
        password = "Walk-in-keeper-" + run;
        String organizer = KeycloakAccounts.create(platform.keycloak(), organizerEmail, "Omar", "Door", password,
                List.of("ORGANIZER"));
        String api = walk.token("walkin-api-" + run, "ORGANIZER");
        String editionId = walk.edition(api);
        String title = "Walk-in seminar " + run;
        Map<String, Object> session = walk.session(editionId, title, "现场报名研讨会 " + run, 10, "OFFLINE");
        session.put("capacity", 2);
        session.put("venue", Map.of("campus", "Pingyuan", "building", "Library", "room", "W-" + run));
        session.put("publish", true);
        String sessionId = walk.call("POST", "/api/schedule/sessions", api, session).path("id").asText();
        org.awaitility.Awaitility.await("registration-service knows the session").atMost(PortalWalk.WAIT)
                .until(() -> walk.send("GET", "/api/registrations/sessions/" + sessionId + "/availability", null, null)
                        .statusCode() == 200);
        String knownEmail = "li.known." + run + "@scholars.example.org";
        String known = KeycloakAccounts.create(platform.keycloak(), knownEmail, "Li", "Known", "Known-person-" + run,
                List.of());
        String walkPath = "/api/registrations/sessions/" + sessionId + "/walk-ins";

        // phone, English: a new person, invited
        Browser phone = browsers.open(ViewportSize.PHONE, "en-US");
        signIn(phone, "/checkin#/s/" + sessionId);
        // not on the edition's team yet: the door says so in the service's words
        waitFor(phone, d -> title.equals(text(d, By.cssSelector("main h1")))
                && text(d, By.id("door-count")).contains("You are not on the team of edition " + editionId));
        walk.expectRefusals("/api/registrations/sessions/" + sessionId + "/check-ins?", 403);
        walk.check(phone, "00-not-on-the-team");
        // the organizer who made the edition adds him; registration-service learns it from schedule's team topic
        walk.call("PUT", "/api/schedule/editions/" + editionId + "/team/" + organizer, api,
                Map.of("name", "Omar Door", "email", organizerEmail));
        String asOmar = walk.token(organizer, "ORGANIZER");
        org.awaitility.Awaitility.await("registration-service knows the team").atMost(PortalWalk.WAIT)
                .until(() -> walk.send("GET", "/api/registrations/sessions/" + sessionId + "/check-ins?limit=0",
                        asOmar, null).statusCode() == 200);
        phone.driver().navigate().refresh();
        waitFor(phone, d -> title.equals(text(d, By.cssSelector("main h1")))
                && text(d, By.id("door-count")).contains("0 of 0 checked in"));
        click(phone, By.id("door-tab-search"));
        waitFor(phone, d -> first(d, By.id("door-walkin")));
        walk.check(phone, "01-walk-in-form");

        click(phone, By.id("door-walkin-submit"));
        waitFor(phone, d -> !first(d, By.id("door-walkin-name-error")).getText().isBlank());
        assertThat(text(phone.driver(), By.id("door-walkin-email-error"))).contains("email address");
        assertThat(phone.driver().findElement(By.id("door-walkin-name")).getAttribute("aria-invalid")).isEqualTo("true");
        walk.check(phone, "02-walk-in-missing-fields");

        String newEmail = "ana.walkin." + run + "@visitors.example.org";
        type(phone.driver().findElement(By.id("door-walkin-name")), "Ana Walker");
        // well formed for the page, refused by the service (no underscore in a domain): its field message shows
        type(phone.driver().findElement(By.id("door-walkin-email")), "ana@visitors_example.org");
        click(phone, By.id("door-walkin-submit"));
        waitFor(phone, d -> "bad".equals(first(d, By.id("door-result")).getAttribute("data-kind"))
                && !first(d, By.id("door-walkin-email-error")).getText().isBlank());
        assertThat(text(phone.driver(), By.id("door-walkin-email-error"))).contains("email");
        assertThat(text(phone.driver(), By.id("door-walkin-name-error"))).isEmpty();
        walk.checkShowingProblem(phone, "03-walk-in-refused-field", walkPath, 400);

        WebElement email = phone.driver().findElement(By.id("door-walkin-email"));
        email.clear();
        type(email, newEmail);
        click(phone, By.id("door-walkin-submit"));
        WebElement result = waitFor(phone, d -> {
            WebElement r = first(d, By.id("door-result"));
            return r != null && "ok".equals(r.getAttribute("data-kind")) ? r : null;
        });
        assertThat(result.getText()).contains("Walk-in checked in").contains("Ana Walker")
                .contains("Seat: In person").contains("Invitation sent to " + newEmail);
        waitFor(phone, d -> text(d, By.id("door-count")).contains("1 of 1 checked in")
                && text(d, By.id("door-people")).contains("Ana Walker"));
        assertThat(phone.driver().findElement(By.id("door-walkin-email")).getAttribute("value")).isEmpty();
        walk.check(phone, "04-walk-in-invited");
        // Keycloak's invitation (their registration's confirmation from notification-service comes too)
        org.awaitility.Awaitility.await("the invitation in the mail capture").atMost(PortalWalk.WAIT)
                .untilAsserted(() -> assertThat(invitations(newEmail)).hasSize(1));
        assertThat(invitations(newEmail).get(0).toLowerCase()).contains("update password").contains("verify email");

        // desktop, Chinese: someone with an account, then a full session
        Browser desktop = browsers.open(ViewportSize.DESKTOP, "zh-CN");
        signIn(desktop, "/checkin#/s/" + sessionId);
        waitFor(desktop, d -> text(d, By.id("door-count")).contains("已签到 1 / 1"));
        click(desktop, By.id("door-tab-search"));
        waitFor(desktop, d -> first(d, By.id("door-walkin")));
        assertThat(text(desktop.driver(), By.id("door-walkin-h"))).isEqualTo("现场报名");
        walk.check(desktop, "05-walk-in-form-zh");
        type(desktop.driver().findElement(By.id("door-walkin-name")), "李 已知");
        type(desktop.driver().findElement(By.id("door-walkin-email")), knownEmail);
        click(desktop, By.id("door-walkin-submit"));
        waitFor(desktop, d -> "ok".equals(first(d, By.id("door-result")).getAttribute("data-kind"))
                && text(d, By.id("door-result")).contains("已使用现有账号"));
        assertThat(text(desktop.driver(), By.id("door-result"))).contains("现场报名已签到").contains("Li Known");
        waitFor(desktop, d -> text(d, By.id("door-count")).contains("已签到 2 / 2"));
        walk.check(desktop, "06-walk-in-known-account-zh");
        assertThat(invitations(knownEmail)).as("no invitation for an existing account").isEmpty();

        type(desktop.driver().findElement(By.id("door-walkin-name")), "王 迟到");
        type(desktop.driver().findElement(By.id("door-walkin-email")), "late." + run + "@visitors.example.org");
        click(desktop, By.id("door-walkin-submit"));
        waitFor(desktop, d -> "bad".equals(first(d, By.id("door-result")).getAttribute("data-kind"))
                && text(d, By.id("door-result")).contains("现场报名未成功"));
        assertThat(text(desktop.driver(), By.id("door-result"))).contains("没有空余座位");
        walk.checkShowingProblem(desktop, "07-walk-in-full-zh", walkPath, 409);
        assertThat(walk.mails("late." + run + "@visitors.example.org").size()).isZero();

        JsonNode roster = walk.call("GET", "/api/registrations/sessions/" + sessionId + "/check-ins?limit=10", api, null);
        assertThat(roster.path("checkedIn").asInt()).isEqualTo(2);
        assertThat(roster.path("people").findValuesAsText("participantId")).contains(known);
        assertThat(roster.path("people").findValuesAsText("name")).contains("Ana Walker", "Li Known");
        walk.report("door walk-ins", phone, desktop);
    }

    /** The texts of the mails to this address that hold one of Keycloak's action links. */
    private List<String> invitations(String email) throws Exception {
        List<String> texts = new java.util.ArrayList<>();
        for (JsonNode mail : walk.mails(email)) {
            if (PortalWalk.ACTION_LINK.matcher(mail.path("text").asText()).find()) {
                texts.add(mail.path("text").asText());
            }
        }
        return texts;
    }

    private void signIn(Browser browser, String path) {
        browser.load(walk.gateway + path);
        boolean zh = "zh-CN".equals(htmlLang(browser.driver()));
        WebElement button = waitFor(browser, d -> first(d, By.xpath(
                "//main//button[normalize-space()='" + (zh ? "登录" : "Sign in") + "']")));
        press(button);
        waitFor(browser, d -> walk.onKeycloak(d) ? first(d, By.id("kc-form-login")) : null);
        browser.driver().findElement(By.id("username")).sendKeys(organizerEmail);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("#kc-form-login [type=submit]")).click();
        waitFor(browser, d -> d.getCurrentUrl().startsWith(walk.gateway + path)
                && text(d, By.cssSelector("#account .who")).contains("Omar Door"));
    }
}
