package org.eduweek.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.eduweek.local.PortalWalk.accountButton;
import static org.eduweek.local.PortalWalk.click;
import static org.eduweek.local.PortalWalk.first;
import static org.eduweek.local.PortalWalk.htmlLang;
import static org.eduweek.local.PortalWalk.js;
import static org.eduweek.local.PortalWalk.press;
import static org.eduweek.local.PortalWalk.text;
import static org.eduweek.local.PortalWalk.type;
import static org.eduweek.local.PortalWalk.waitFor;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Edition teams and organizer roles in headless Chromium on the shared platform. Two editions of this run, A and B,
 * each made by its own lead (so each team starts with its creator), one published session in each. A person signs
 * up in the portal; an administrator (an account made through Keycloak's admin API) finds that account in the
 * console, grants it ORGANIZER (the page says it applies at the next sign-in) and adds it to edition A's team. The
 * person's open session still has no console until they sign in again; then they edit A's session (saved) and try
 * B's, whose team they are not on: the console shows the service's 403 problem (title and detail, in English and in
 * Chinese) and keeps the form as typed, and B's session is unchanged through the API; joining B's team from its page
 * is refused the same way. Called directly, the API answers that organizer 403 with the {@code not-on-team} problem
 * on edition B. Last, the administrator takes A's lead off A's team after a confirmation. Every console state: no console error
 * (the refusals provoked on purpose aside), no axe-core WCAG 2.2 A/AA violation, screenshots at desktop (the
 * administrator) and phone size (the organizer) under {@code target/screenshots/OrganizerTeamsIT/}.
 */
@ExtendWith({BrowserExtension.class, SharedPlatform.Extension.class})
@Order(5)
class OrganizerTeamsIT {

    private static final String PASSWORD = "Teams-of-2027";
    private static final String NOT_ON_TEAM = "https://eduweek.org/problems/not-on-team";

    private PortalWalk walk;
    private String gateway;
    private String run;
    private String adminEmail;
    private String personEmail;
    private String editionA;
    private String editionB;
    private String sessionA;
    private String sessionB;
    private String leadB;
    /** Failed loads the test provokes on purpose (the refusals), which the browser logs as errors. */
    private final List<String> expectedFailures = new ArrayList<>();

    @Test
    void anAdministratorMakesAnOrganizerForOneEditionAndTheOtherEditionRefusesThem(SharedPlatform shared,
            Browsers browsers) throws Exception {
        Platform platform = shared.platform();
        walk = new PortalWalk(platform);
        gateway = walk.gateway;
        run = walk.run;
        adminEmail = "ada.admin." + run + "@events.example.edu";
        personEmail = "lin.zhao." + run + "@scholars.example.org";
        KeycloakAccounts.create(platform.keycloak(), adminEmail, "Ada", "Admin", PASSWORD, List.of("ADMIN"));
        twoEditionsWithASessionEach();

        Browser phone = browsers.open(ViewportSize.PHONE);
        phone.load(gateway + "/");
        walk.signUp(phone, "Sign up", "en", personEmail, "Lin", "Zhao", PASSWORD);
        phone.load(gateway + "/organizer");
        waitFor(phone, d -> text(d, By.cssSelector("main .notice")).contains("is not an organizer"));
        check(phone, "01-participant-has-no-console");

        Browser desktop = browsers.open(ViewportSize.DESKTOP);
        signInToConsole(desktop, adminEmail, "Ada Admin", "10");
        String subject = grantOrganizer(desktop);
        addToTeamOfEditionA(desktop, subject);

        stillNoConsoleUntilTheNextSignIn(phone);
        signInToConsole(phone, personEmail, "Lin Zhao", "20");
        organizerSeesTheirEditionsAndNoRolePage(phone);
        editsTheSessionOfTheirEdition(phone);
        isRefusedOnTheOtherEdition(phone);
        cannotJoinTheOtherTeam(phone, subject);
        theApiRefusesThemDirectly(phone, subject);
        removeAMember(desktop);

        walk.report("organizer teams", phone, desktop);
    }

    // ---- the programme, as two editions' leads make it through the API

    private void twoEditionsWithASessionEach() throws Exception {
        String leadA = "lead-a-" + run;
        leadB = "lead-b-" + run;
        editionA = edition(leadA, "A");
        editionB = edition(leadB, "B");
        sessionA = walk.create(walk.token(leadA, "ORGANIZER"), talk(editionA, "Harbour talk " + run, "港口讲座 " + run, 10));
        sessionB = walk.create(walk.token(leadB, "ORGANIZER"), talk(editionB, "River talk " + run, "河流讲座 " + run, 14));
        walk.publish(walk.token(leadA, "ORGANIZER"), editionA, sessionA);
        walk.publish(walk.token(leadB, "ORGANIZER"), editionB, sessionB);
    }

    /** A one-hour talk on campus tomorrow at {@code hour}, in a room of this run, for 20. */
    private Map<String, Object> talk(String editionId, String title, String titleZh, int hour) {
        Map<String, Object> session = walk.session(editionId, title, titleZh, hour, "OFFLINE");
        session.put("capacity", 20);
        return session;
    }

    private String edition(String lead, String letter) throws Exception {
        String id = "iew-team-" + letter.toLowerCase() + "-" + run;
        var day = PortalWalk.tomorrow();
        walk.call("POST", "/api/schedule/editions", walk.token(lead, "ORGANIZER"), Map.of("id", id,
                "name", Map.of("en", "Team week " + letter + " " + run, "zh", "团队周 " + letter + " " + run),
                "startDate", day.toString(), "endDate", day.plusDays(2).toString(), "timeZone", PortalWalk.BEIJING.getId(),
                "campuses", List.of("Pingyuan")));
        return id;
    }

    // ---- the administrator, at a desktop

    /** The console's sign-in button, Keycloak's form, back on the console signed in. */
    private void signInToConsole(Browser browser, String email, String name, String prefix) {
        browser.load(gateway + "/organizer");
        WebElement button = waitFor(browser, d -> first(d, By.xpath("//main//button[normalize-space()='Sign in']")));
        check(browser, prefix + "-signed-out");
        press(button);
        waitFor(browser, d -> walk.onKeycloak(d) ? first(d, By.id("kc-form-login")) : null);
        browser.driver().findElement(By.id("username")).sendKeys(email);
        browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
        browser.driver().findElement(By.cssSelector("#kc-form-login [type=submit]")).click();
        waitFor(browser, d -> d.getCurrentUrl().startsWith(gateway + "/organizer")
                && text(d, By.cssSelector("#account .who")).contains(name)
                && first(d, By.id("edition-table")) != null);
        check(browser, prefix + "-editions");
    }

    /** Organizers (administrators only): the signed-up person found by email, granted ORGANIZER. */
    private String grantOrganizer(Browser desktop) throws Exception {
        WebElement nav = waitFor(desktop, d -> first(d, By.cssSelector("#nav a[href='#/organizers']")));
        assertThat(nav.isDisplayed()).as("administrators see Organizers in the menu").isTrue();
        press(nav);
        waitFor(desktop, d -> "Organizers".equals(text(d, By.cssSelector("main h1"))));
        assertThat(text(desktop.driver(), By.cssSelector("main .lede"))).contains("next sign-in");
        check(desktop, "11-organizers");
        type(waitFor(desktop, d -> first(d, By.name("organizers-accounts-q"))), personEmail);
        click(desktop, By.id("organizers-accounts-search"));
        WebElement row = waitFor(desktop, d -> first(d, By.xpath("//table[@id='organizers-accounts-table']//tr[td[normalize-space()='"
                + personEmail + "']]")));
        String subject = row.getAttribute("data-subject");
        assertThat(row.getText()).contains("Lin Zhao", "Participant");
        check(desktop, "12-account-found");
        press(row.findElement(By.xpath(".//button[normalize-space()='Make organizer']")));
        WebElement done = waitFor(desktop, d -> first(d, By.id("role-changed")));
        assertThat(done.getText()).isEqualTo("Lin Zhao is an organizer now. This applies at their next sign-in.");
        waitFor(desktop, d -> text(d, By.cssSelector("#organizers-accounts-table tr[data-subject='" + subject + "']"))
                .contains("Remove organizer role"));
        check(desktop, "13-organizer-granted");
        JsonNode found = walk.call("GET", "/api/accounts?q=" + URLEncoder.encode(personEmail, StandardCharsets.UTF_8),
                walk.token("teams-admin-" + run, "ADMIN"), null);
        assertThat(found.findValuesAsText("subject")).contains(subject);
        for (JsonNode account : found) {
            if (subject.equals(account.path("subject").asText())) {
                assertThat(account.path("organizer").asBoolean()).as("the identity provider holds the role").isTrue();
            }
        }
        return subject;
    }

    /** Edition A's team: its lead, then the new organizer found by search and added. */
    private void addToTeamOfEditionA(Browser desktop, String subject) throws Exception {
        desktop.load(gateway + "/organizer#/editions/" + editionA + "/team");
        waitFor(desktop, d -> text(d, By.id("team-table")).contains("lead-a-" + run));
        check(desktop, "14-team-of-a");
        type(waitFor(desktop, d -> first(d, By.name("team-accounts-q"))), personEmail);
        click(desktop, By.id("team-accounts-search"));
        WebElement row = waitFor(desktop, d -> first(d, By.cssSelector("#team-accounts-table tr[data-subject='" + subject + "']")));
        assertThat(row.getText()).contains("Organizer");
        press(row.findElement(By.xpath(".//button[normalize-space()='Add to team']")));
        WebElement member = waitFor(desktop, d -> first(d, By.cssSelector("#team-table tr[data-subject='" + subject + "']")));
        assertThat(member.getText()).contains("Lin Zhao", personEmail, "Ada Admin");
        waitFor(desktop, d -> text(d, By.cssSelector("#team-accounts-table tr[data-subject='" + subject + "']"))
                .contains("On the team"));
        check(desktop, "15-added-to-team");
        JsonNode team = walk.call("GET", "/api/schedule/editions/" + editionA + "/team",
                walk.token("teams-admin-" + run, "ADMIN"), null);
        assertThat(team.path("members").findValuesAsText("subject")).contains("lead-a-" + run, subject);
        JsonNode teamB = walk.call("GET", "/api/schedule/editions/" + editionB + "/team",
                walk.token("teams-admin-" + run, "ADMIN"), null);
        assertThat(teamB.path("members").findValuesAsText("subject")).containsExactly(leadB);
    }

    // ---- the new organizer, on a phone

    /** The session from before the grant keeps its token's roles; signing out and in again brings the new one. */
    private void stillNoConsoleUntilTheNextSignIn(Browser phone) {
        phone.load(gateway + "/organizer#/");
        waitFor(phone, d -> text(d, By.cssSelector("main .notice")).contains("is not an organizer"));
        check(phone, "02-not-yet-before-sign-in");
        click(phone, By.xpath("//main//button[normalize-space()='Sign out']"));
        waitFor(phone, d -> d.getCurrentUrl().startsWith(gateway) && accountButton(d, "Sign in") != null);
    }

    private void organizerSeesTheirEditionsAndNoRolePage(Browser phone) {
        assertThat(first(phone.driver(), By.id("nav-organizers")).isDisplayed())
                .as("Organizers is not offered to an organizer").isFalse();
        click(phone, By.id("editions-mine"));
        waitFor(phone, d -> first(d, By.cssSelector("#edition-table a[href='#/editions/" + editionA + "']")) != null
                && first(d, By.cssSelector("#edition-table a[href='#/editions/" + editionB + "']")) == null);
        assertThat(first(phone.driver(), By.id("editions-mine")).isSelected()).isTrue();
        check(phone, "21-my-editions");
        click(phone, By.id("editions-mine"));
        waitFor(phone, d -> first(d, By.cssSelector("#edition-table a[href='#/editions/" + editionB + "']")) != null);

        phone.load(gateway + "/organizer#/organizers");
        waitFor(phone, d -> text(d, By.id("admins-only")).contains("Only administrators"));
        assertThat(first(phone.driver(), By.name("organizers-accounts-q"))).isNull();
        check(phone, "22-organizers-for-admins-only");
        phone.load(gateway + "/organizer#/editions/" + editionA + "/team");
        waitFor(phone, d -> text(d, By.id("team-table")).contains("Lin Zhao"));
        check(phone, "23-their-team");
    }

    private void editsTheSessionOfTheirEdition(Browser phone) throws Exception {
        phone.load(gateway + "/organizer#/sessions/" + sessionA);
        waitFor(phone, d -> first(d, By.id("roster-summary")));
        click(phone, By.id("session-edit"));
        String retitled = "Harbour talk " + run + " (moved up)";
        type(waitFor(phone, d -> first(d, By.name("title.en"))), retitled);
        check(phone, "24-edit-own-session");
        submit(phone);
        waitFor(phone, d -> retitled.equals(text(d, By.cssSelector("main h1")))
                && text(d, By.tagName("main")).contains("Unpublished changes"));
        check(phone, "25-own-session-saved");
        assertThat(draft(sessionA).path("title").asText()).isEqualTo(retitled);
    }

    /**
     * Edition B's session: the roster says why it is not shown; the edit is refused with the service's problem in
     * the organizer's language (English, then Chinese), the form keeps what they typed, and nothing changed.
     */
    private void isRefusedOnTheOtherEdition(Browser phone) throws Exception {
        String before = draft(sessionB).path("title").asText();
        expectedFailures.add(gateway + "/api/registrations/sessions/" + sessionB);
        expectedFailures.add(gateway + "/api/notifications/announcements?sessionId=" + sessionB);
        expectedFailures.add(gateway + "/api/schedule/sessions/" + sessionB
                + " - Failed to load resource: the server responded with a status of 403");
        phone.load(gateway + "/organizer#/sessions/" + sessionB);
        click(phone, By.id("session-edit"));
        String attempt = "River talk " + run + " (taken over)";
        type(waitFor(phone, d -> first(d, By.name("title.en"))), attempt);
        submit(phone);
        WebElement alert = waitFor(phone, d -> {
            WebElement a = first(d, By.cssSelector("main form [role=alert]"));
            return a != null && a.isDisplayed() && !a.getText().isBlank() ? a : null;
        });
        assertThat(text(phone.driver(), By.cssSelector("main form [role=alert] .problem-title")))
                .isEqualTo("Not on this edition's team");
        assertThat(text(phone.driver(), By.cssSelector("main form [role=alert] .problem-detail")))
                .isEqualTo("You are not on the team of edition " + editionB + ".");
        assertThat(alert.getText()).doesNotContain("403");
        assertThat(PortalWalk.value(first(phone.driver(), By.name("title.en")))).as("the form as typed").isEqualTo(attempt);
        WebElement roster = waitFor(phone, d -> first(d, By.id("roster-refused")));
        assertThat(roster.getText()).contains("Not on this edition's team", editionB);
        check(phone, "26-other-edition-refused");

        click(phone, By.id("lang-switch"));
        waitFor(phone, d -> "zh-CN".equals(htmlLang(d)) && first(d, By.id("session-edit")) != null
                && "编辑".equals(text(d, By.id("session-edit"))));
        click(phone, By.id("session-edit"));
        type(waitFor(phone, d -> first(d, By.name("title.en"))), attempt);
        submit(phone);
        WebElement alertZh = waitFor(phone, d -> {
            WebElement a = first(d, By.cssSelector("main form [role=alert] .problem-detail"));
            return a != null && a.isDisplayed() ? a : null;
        });
        assertThat(alertZh.getText()).contains(editionB).doesNotContain("You are not on the team")
                .containsPattern("\\p{IsHan}");
        check(phone, "27-other-edition-refused-zh");
        click(phone, By.id("lang-switch"));
        waitFor(phone, d -> "en".equals(htmlLang(d)));

        JsonNode after = draft(sessionB);
        assertThat(after.path("title").asText()).as("edition B's session unchanged").isEqualTo(before);
        assertThat(after.path("unpublishedChanges").asBoolean()).isFalse();
    }

    /** Edition B's team page: joining it from the console is refused the same way, and B's team stays as it was. */
    private void cannotJoinTheOtherTeam(Browser phone, String subject) throws Exception {
        expectedFailures.add(gateway + "/api/schedule/editions/" + editionB + "/team/");
        phone.load(gateway + "/organizer#/editions/" + editionB + "/team");
        waitFor(phone, d -> text(d, By.id("team-table")).contains(leadB));
        type(waitFor(phone, d -> first(d, By.name("team-accounts-q"))), personEmail);
        click(phone, By.id("team-accounts-search"));
        WebElement row = waitFor(phone, d -> first(d, By.cssSelector("#team-accounts-table tr[data-subject='" + subject + "']")));
        press(row.findElement(By.xpath(".//button[normalize-space()='Add to team']")));
        WebElement alert = waitFor(phone, d -> first(d, By.cssSelector("#team-notices [role=alert]")));
        assertThat(alert.getText()).contains("Not on this edition's team", "You are not on the team of edition " + editionB + ".");
        assertThat(first(phone.driver(), By.cssSelector("#team-table tr[data-subject='" + subject + "']"))).isNull();
        check(phone, "28-other-team-refused");
        JsonNode teamB = walk.call("GET", "/api/schedule/editions/" + editionB + "/team",
                walk.token("teams-admin-" + run, "ADMIN"), null);
        assertThat(teamB.path("members").findValuesAsText("subject")).containsExactly(leadB);
    }

    /** The administrator takes edition A's lead off its team, after a confirmation; the team keeps the new organizer. */
    private void removeAMember(Browser desktop) throws Exception {
        desktop.load(gateway + "/organizer#/editions/" + editionA + "/team");
        String lead = "lead-a-" + run;
        click(desktop, By.cssSelector("#team-table tr[data-subject='" + lead + "'] button"));
        WebElement confirm = waitFor(desktop, d -> first(d, By.cssSelector("dialog[open] button.danger")));
        assertThat(text(desktop.driver(), By.cssSelector("dialog[open] h2"))).isEqualTo("Remove " + lead + " from the team?");
        check(desktop, "16-remove-member-confirm");
        confirm.click();
        waitFor(desktop, d -> first(d, By.cssSelector("#team-table tr[data-subject='" + lead + "']")) == null
                && text(d, By.id("team-table")).contains("Lin Zhao"));
        check(desktop, "17-member-removed");
        JsonNode team = walk.call("GET", "/api/schedule/editions/" + editionA + "/team",
                walk.token("teams-admin-" + run, "ADMIN"), null);
        assertThat(team.path("members").findValuesAsText("subject")).doesNotContain(lead).hasSize(1);
    }

    /**
     * The same organizer straight at the API: from their signed-in page (the gateway's session, their own token)
     * joining B's team, and with a token of their subject and role changing B's session. Both answer 403
     * {@code not-on-team} naming edition B, in the language asked for.
     */
    private void theApiRefusesThemDirectly(Browser phone, String subject) throws Exception {
        expectedFailures.add(gateway + "/api/schedule/editions/" + editionB + "/team/");
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) js(phone.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const xsrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
                fetch(arguments[0], { method: 'PUT', credentials: 'same-origin', headers: {
                    'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': 'zh-CN',
                    ...(xsrf ? { 'X-XSRF-TOKEN': decodeURIComponent(xsrf.slice(11)) } : {}) },
                  body: JSON.stringify({ name: 'Lin Zhao', email: arguments[1] }) })
                  .then(async (r) => done({ status: r.status, type: r.headers.get('Content-Type'), body: await r.text() }))
                  .catch((e) => done({ status: -1, body: String(e) }));
                """, "/api/schedule/editions/" + editionB + "/team/" + subject, personEmail);
        assertThat(((Number) answer.get("status")).intValue()).as("joining B's team: " + answer.get("body")).isEqualTo(403);
        assertThat((String) answer.get("type")).contains("application/problem+json");
        JsonNode fromPage = walk.parse((String) answer.get("body"));
        assertThat(fromPage.path("type").asText()).isEqualTo(NOT_ON_TEAM);
        assertThat(fromPage.path("editionId").asText()).isEqualTo(editionB);
        assertThat(fromPage.path("detail").asText()).contains(editionB).containsPattern("\\p{IsHan}");

        String token = walk.call("POST", "/api/auth/dev-token", null, Map.of("sub", subject, "name", "Lin Zhao",
                "email", personEmail, "roles", List.of("ORGANIZER"), "locale", "en")).path("access_token").asText();
        HttpResponse<String> put = walk.send("PUT", "/api/schedule/sessions/" + sessionB, token,
                new ObjectMapper().writeValueAsString(
                        talk(editionB, "River talk " + run + " (API)", "河流讲座 " + run, 14)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(403);
        assertThat(put.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = walk.parse(put.body());
        assertThat(problem.path("type").asText()).isEqualTo(NOT_ON_TEAM);
        assertThat(problem.path("status").asInt()).isEqualTo(403);
        assertThat(problem.path("title").asText()).isEqualTo("Not on this edition's team");
        assertThat(problem.path("detail").asText()).isEqualTo("You are not on the team of edition " + editionB + ".");
        assertThat(problem.path("editionId").asText()).isEqualTo(editionB);
        await("B's session as it was").atMost(PortalWalk.WAIT).untilAsserted(() ->
                assertThat(draft(sessionB).path("title").asText()).isEqualTo("River talk " + run));
    }

    // ---- helpers

    /** A session's draft as its edition's lead reads it through the API. */
    private JsonNode draft(String sessionId) throws Exception {
        return walk.call("GET", "/api/schedule/sessions/" + sessionId + "?view=draft&lang=en",
                walk.token(sessionId.equals(sessionB) ? leadB : "lead-a-" + run, "ORGANIZER"), null);
    }

    private void check(Browser browser, String step) {
        browser.waitForQuiet();
        walk.checkExcept(browser, step, e -> expectedFailures.stream().anyMatch(e::startsWith));
    }

    /** The submit button of the form on screen (one form is open at a time in these steps). */
    private static void submit(Browser browser) {
        click(browser, By.cssSelector("main form:not([role=search]) button[type=submit]"));
    }
}
