package org.eduweek.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eduweek.local.PortalWalk.choose;
import static org.eduweek.local.PortalWalk.click;
import static org.eduweek.local.PortalWalk.field;
import static org.eduweek.local.PortalWalk.first;
import static org.eduweek.local.PortalWalk.heading;
import static org.eduweek.local.PortalWalk.htmlLang;
import static org.eduweek.local.PortalWalk.press;
import static org.eduweek.local.PortalWalk.text;
import static org.eduweek.local.PortalWalk.type;
import static org.eduweek.local.PortalWalk.value;
import static org.eduweek.local.PortalWalk.waitFor;

import java.util.Map;

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
 * The profile editor in headless Chromium on the shared platform: a new participant (signed up through Keycloak)
 * saves a malformed phone number and gets the service's field message next to the field, in English; then changes
 * name, affiliation, country, audience, level, phone, SMS consent, time zone and language (Chinese) and saves: the
 * portal turns Chinese at once; a reload shows every value kept; the same malformed phone now gets its message in
 * Chinese; a session page shows "your time" in the chosen zone, on the phone and in a desktop session that never
 * chose one (the zone is the profile's), whose header names the person as the profile does; time zones are labelled
 * in Chinese; the language set back to English turns the portal English again. Every state at phone size, the editor with its field message at desktop size too: no console
 * error, no axe violation, a screenshot.
 */
@ExtendWith({BrowserExtension.class, SharedPlatform.Extension.class})
class PortalProfileIT {

    private static final String BAD_PHONE = "+86 12ab";
    private static final String PHONE_EN = "must be a valid phone number in E.164 form, e.g. +8613800138000";
    private static final String PHONE_ZH = "必须是 E.164 格式的有效电话号码，例如 +8613800138000";

    @Test
    void everyFieldIsSavedAndKeptTheLanguageFollowsAndFieldProblemsSpeakIt(SharedPlatform shared, Browsers browsers)
            throws Exception {
        PortalWalk walk = new PortalWalk(shared.platform());
        String run = walk.run;
        String organizer = walk.token("profile-organizer-" + run, "ORGANIZER");
        String editionId = walk.edition(organizer);
        String title = "Profile seminar " + run;
        Map<String, Object> seminar = walk.session(editionId, title, "资料研讨会 " + run, 10, "OFFLINE");
        seminar.put("capacity", 20);
        String sessionId = walk.create(organizer, seminar);
        walk.publish(organizer, editionId, sessionId);

        Browser phone = browsers.open(ViewportSize.PHONE);
        phone.load(walk.gateway + "/");
        walk.signUp(phone, "Sign up", "en", "mei." + run + "@scholars.example.org", "Mei", "Tanaka",
                "Profile-editing-2027");

        click(phone, By.cssSelector("#nav a[href='#/me/profile']"));
        waitFor(phone, d -> "Profile".equals(heading(d)) && field(d, "Name") != null);
        assertThat(value(field(phone.driver(), "Name"))).isEqualTo("Mei Tanaka");
        walk.check(phone, "01-profile");

        // a malformed phone: the service's message beside the field, in English
        type(field(phone.driver(), "Mobile phone"), BAD_PHONE);
        save(phone, "Save");
        WebElement error = waitFor(phone, d -> phoneError(d, PHONE_EN));
        assertThat(field(phone.driver(), "Mobile phone").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field(phone.driver(), "Mobile phone").getAttribute("aria-describedby")).contains(error.getAttribute("id"));
        assertThat(text(phone.driver(), By.cssSelector("main .notice.bad"))).contains("Please correct the marked fields.");
        walk.checkShowingProblem(phone, "02-profile-phone-problem-en", "/api/registrations/me/profile", 400);

        Browser desktop = browsers.open(ViewportSize.DESKTOP);
        walk.shareSignIn(phone, desktop);
        desktop.load(walk.gateway + "/#/me/profile");
        waitFor(desktop, d -> field(d, "Mobile phone") != null);
        type(field(desktop.driver(), "Mobile phone"), BAD_PHONE);
        save(desktop, "Save");
        waitFor(desktop, d -> phoneError(d, PHONE_EN));
        walk.checkShowingProblem(desktop, "02-profile-phone-problem-en", "/api/registrations/me/profile", 400);

        // every field changed, Chinese chosen: saved, and the portal speaks Chinese at once
        WebDriver d0 = phone.driver();
        type(field(d0, "Name"), "Mei Tanaka-Lin");
        type(field(d0, "Affiliation"), "Kyoto University " + run);
        assertThat(value(field(d0, "Name"))).isEqualTo("Mei Tanaka-Lin");
        choose(field(d0, "Country or region"), "JP");
        choose(field(d0, "Audience"), "TEACHER");
        type(field(d0, "Level"), "advanced");
        type(field(d0, "Mobile phone"), "+819012345678");
        WebElement sms = first(d0, By.cssSelector("main input[type=checkbox][name=smsConsent]"));
        assertThat(sms.isSelected()).isFalse();
        press(sms);
        choose(field(d0, "Time zone for showing times"), "America/Sao_Paulo");
        choose(field(d0, "Language of this portal, emails and SMS"), "zh");
        save(phone, "Save");
        waitFor(phone, d -> "zh-CN".equals(htmlLang(d)) && "个人资料".equals(heading(d))
                && text(d, By.id("toast")).contains("个人资料已保存。"));
        assertThat(text(phone.driver(), By.id("nav"))).contains("日程").contains("我的报名");
        assertSaved(phone);
        // the header names the person as the profile now does; the zones are labelled in Chinese, the id kept
        assertThat(text(phone.driver(), By.cssSelector("#account .who"))).isEqualTo("已登录：Mei Tanaka-Lin");
        assertThat(first(phone.driver(), By.cssSelector("select[name=timeZone] option[value='Asia/Shanghai']"))
                .getDomProperty("textContent")).startsWith("Asia/Shanghai · ").contains("中国");
        walk.check(phone, "03-profile-saved-zh");

        phone.driver().navigate().refresh();
        waitFor(phone, d -> "个人资料".equals(heading(d)) && field(d, "姓名") != null);
        assertSaved(phone);
        walk.check(phone, "04-profile-reloaded-zh");

        // the same malformed phone: the message in Chinese now
        type(field(phone.driver(), "手机号码"), BAD_PHONE);
        save(phone, "保存");
        waitFor(phone, d -> phoneError(d, PHONE_ZH));
        assertThat(text(phone.driver(), By.cssSelector("main .notice.bad"))).contains("请更正标出的字段。");
        walk.checkShowingProblem(phone, "05-profile-phone-problem-zh", "/api/registrations/me/profile", 400);

        // the chosen time zone is "your time" on a session page: 10:00 in Beijing is 23:00 the day before in São Paulo
        phone.load(walk.gateway + "/#/sessions/" + sessionId);
        waitFor(phone, d -> ("资料研讨会 " + run).equals(heading(d)));
        String when = text(phone.driver(), By.cssSelector("main dl"));
        assertThat(when).contains("活动当地时间").contains("10:00–11:00").contains("您的时间").contains("23:00 – ");
        walk.check(phone, "06-session-your-time-zh");

        // the zone chosen on the phone is the profile's: the desktop session (which never stored one) uses it too,
        // and its header names the person as the profile does
        desktop.load(walk.gateway + "/#/sessions/" + sessionId);
        desktop.driver().navigate().refresh(); // the desktop's page was open before the change: a new visit
        desktop.waitForQuiet();
        waitFor(desktop, d -> text(d, By.cssSelector("main dl")).contains("23:00 – "));
        assertThat(text(desktop.driver(), By.cssSelector("main dl"))).contains("10:00–11:00").contains("(America/Sao_Paulo)");
        assertThat(text(desktop.driver(), By.cssSelector("#account .who"))).endsWith("Mei Tanaka-Lin");
        walk.check(desktop, "06-session-your-time-from-the-profile");
        desktop.load(walk.gateway + "/#/me/profile");
        waitFor(desktop, d -> first(d, By.name("timeZone")) != null
                && "America/Sao_Paulo".equals(value(first(d, By.name("timeZone")))));

        // back to English through the profile
        phone.load(walk.gateway + "/#/me/profile");
        waitFor(phone, d -> field(d, "门户、邮件和短信的语言") != null);
        choose(field(phone.driver(), "门户、邮件和短信的语言"), "en");
        save(phone, "保存");
        waitFor(phone, d -> "en".equals(htmlLang(d)) && "Profile".equals(heading(d))
                && text(d, By.id("toast")).contains("Profile saved."));
        walk.check(phone, "07-profile-saved-en");

        walk.report("profile editor", phone, desktop);
    }

    private static void save(Browser browser, String label) {
        press(waitFor(browser, d -> first(d, By.xpath("//main//form//button[@type='submit'][normalize-space()='"
                + label + "']"))));
    }

    private static WebElement phoneError(WebDriver driver, String message) {
        WebElement error = first(driver, By.xpath("//main//input[@name='phone']/following-sibling::p[@class='field-error']"));
        return error != null && error.isDisplayed() && error.getText().contains(message) ? error : null;
    }

    private static void assertSaved(Browser browser) {
        WebDriver d = browser.driver();
        assertThat(value(first(d, By.name("name")))).isEqualTo("Mei Tanaka-Lin");
        assertThat(value(first(d, By.name("affiliation")))).startsWith("Kyoto University ");
        assertThat(value(first(d, By.name("country")))).isEqualTo("JP");
        assertThat(value(first(d, By.name("audience")))).isEqualTo("TEACHER");
        assertThat(value(first(d, By.name("level")))).isEqualTo("advanced");
        assertThat(value(first(d, By.name("phone")))).isEqualTo("+819012345678");
        assertThat(first(d, By.name("smsConsent")).isSelected()).isTrue();
        assertThat(value(first(d, By.name("timeZone")))).isEqualTo("America/Sao_Paulo");
        assertThat(value(first(d, By.name("language")))).isEqualTo("zh");
    }
}
