package org.eduweek.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eduweek.local.PortalWalk.card;
import static org.eduweek.local.PortalWalk.choose;
import static org.eduweek.local.PortalWalk.click;
import static org.eduweek.local.PortalWalk.first;
import static org.eduweek.local.PortalWalk.heading;
import static org.eduweek.local.PortalWalk.htmlLang;
import static org.eduweek.local.PortalWalk.js;
import static org.eduweek.local.PortalWalk.press;
import static org.eduweek.local.PortalWalk.text;
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
 * The whole journey in Chinese, in a browser whose language is Chinese, on the shared platform: the portal opens in
 * Chinese and sends its "注册" to Keycloak's registration page in Chinese; the verification link from the mail
 * capture, the new password, back in the portal signed in. The programme shows the sessions with Chinese titles,
 * dates and venues; a session is registered for; registering for a second session at the same hour is refused with
 * the service's problem in Chinese (the clashing session named by its Chinese title, its time in its own zone); a
 * full session offers the waitlist in Chinese; my registrations show the QR ticket, and the registration is
 * cancelled through the confirmation dialog. Every portal state at phone size and the key ones at desktop size: no
 * console error, no axe violation, a screenshot.
 */
@ExtendWith({BrowserExtension.class, SharedPlatform.Extension.class})
class PortalChineseJourneyIT {

    @Test
    void aChineseSpeakingParticipantSignsUpRegistersMeetsProblemsInChineseShowsTheTicketAndCancels(
            SharedPlatform shared, Browsers browsers) throws Exception {
        PortalWalk walk = new PortalWalk(shared.platform());
        String run = walk.run;
        String organizer = walk.token("zh-organizer-" + run, "ORGANIZER");
        String editionId = walk.edition(organizer);
        String salonZh = "中文沙龙 " + run;
        Map<String, Object> salon = walk.session(editionId, "Chinese salon " + run, salonZh, 10, "OFFLINE");
        salon.put("capacity", 5);
        String salonId = walk.create(organizer, salon);
        String clashEn = "Same-hour lecture " + run;
        String clashZh = "同时段讲座 " + run;
        Map<String, Object> clash = walk.session(editionId, clashEn, clashZh, 10, "OFFLINE");
        clash.put("venue", Map.of("campus", "Tongzhou", "building", "Gymnasium", "room", "Room C" + run));
        clash.put("capacity", 5);
        String clashId = walk.create(organizer, clash);
        String fullZh = "满员工作坊 " + run;
        Map<String, Object> full = walk.session(editionId, "Full workshop " + run, fullZh, 15, "OFFLINE");
        full.put("capacity", 1);
        String fullId = walk.create(organizer, full);
        walk.publish(organizer, editionId, salonId, clashId, fullId);
        walk.call("POST", "/api/registrations", walk.token("zh-other-" + run, "PARTICIPANT"), Map.of("sessionId", fullId));

        Browser phone = browsers.open(ViewportSize.PHONE, "zh-CN");
        phone.load(walk.gateway + "/");
        waitFor(phone, d -> "zh-CN".equals(htmlLang(d)) && PortalWalk.accountButton(d, "注册") != null);
        walk.check(phone, "01-home-zh");
        walk.signUp(phone, "注册", "zh-Hans", "wei." + run + "@scholars.example.org", "伟", "张",
                "Zhongwen-lvcheng-2027");
        waitFor(phone, d -> text(d, By.cssSelector("#account .who")).startsWith("已登录："));
        assertThat(htmlLang(phone.driver())).isEqualTo("zh-CN");

        // the programme: Chinese titles, dates and venues
        choose(waitFor(phone, d -> first(d, By.xpath("//select[option[@value='" + editionId + "']]"))), editionId);
        waitFor(phone, d -> card(d, salonZh) != null && card(d, clashZh) != null && card(d, fullZh) != null);
        String salonCard = card(phone.driver(), salonZh).getText();
        assertThat(salonCard).contains("平园校区 › 图书馆 › W" + run + "10室").doesNotContain("Library");
        assertThat(card(phone.driver(), clashZh).getText()).contains("通州校区 › 体育馆 › C" + run + "室");
        String day = text(phone.driver(), By.cssSelector("main .days h2"));
        assertThat(day).as("the day heading").contains("月").contains("日").contains("星期");
        walk.check(phone, "02-programme-zh");

        // registered for the salon
        press(card(phone.driver(), salonZh).findElement(By.cssSelector("h3 a")));
        waitFor(phone, d -> salonZh.equals(heading(d)) && "报名".equals(submitText(d)));
        assertThat(text(phone.driver(), By.cssSelector("main dl"))).contains("活动当地时间").contains("10:00–11:00")
                .contains("平园校区 › 图书馆");
        walk.check(phone, "03-session-zh");
        click(phone, By.cssSelector("main form button[type=submit]"));
        waitFor(phone, d -> text(d, By.cssSelector(".notice.ok")).contains("您已报名现场参加。"));
        walk.check(phone, "04-session-registered-zh");

        // the same hour again: the service's problem, in Chinese
        phone.load(walk.gateway + "/#/sessions/" + clashId);
        waitFor(phone, d -> clashZh.equals(heading(d)) && "报名".equals(submitText(d)));
        click(phone, By.cssSelector("main form button[type=submit]"));
        String problem = waitFor(phone, d -> {
            String shown = text(d, By.cssSelector("main form .error"));
            return shown.isEmpty() ? null : shown;
        });
        assertThat(problem).contains("时间重叠").contains("“" + salonZh + "”").contains("10:00")
                .doesNotContain("Chinese salon").doesNotContain("Overlaps");
        walk.checkShowingProblem(phone, "05-session-overlap-problem-zh", "/api/registrations", 409);

        // a full session: the waitlist, in Chinese
        phone.load(walk.gateway + "/#/sessions/" + fullId);
        waitFor(phone, d -> fullZh.equals(heading(d)) && "加入候补".equals(submitText(d)));
        assertThat(text(phone.driver(), By.id("reg-wait"))).isEqualTo("已满 —— 您将是候补第 1 位。");
        assertThat(text(phone.driver(), By.cssSelector("ul.seats"))).contains("已满");
        walk.check(phone, "06-session-full-zh");

        Browser desktop = browsers.open(ViewportSize.DESKTOP, "zh-CN");
        walk.shareSignIn(phone, desktop);
        desktop.load(walk.gateway + "/#/sessions/" + salonId);
        waitFor(desktop, d -> salonZh.equals(heading(d)) && text(d, By.cssSelector(".notice.ok")).contains("您已报名现场参加。"));
        walk.check(desktop, "04-session-registered-zh");

        // my registrations: the ticket, then cancelled after the dialog
        click(phone, By.cssSelector("#nav a[href='#/me/registrations']"));
        WebElement mine = waitFor(phone, d -> first(d, By.xpath("//section[h2='即将开始']//li[contains(@class,'card')]"
                + "[.//h3/a[normalize-space()='" + salonZh + "']]")));
        String registrationId = mine.getAttribute("data-reg");
        assertThat(mine.getText()).contains("已确认").contains("座位：现场").contains("平园校区");
        press(mine.findElement(By.xpath(".//button[normalize-space()='显示二维码入场券']")));
        WebElement qr = waitFor(phone, d -> first(d, By.cssSelector("[data-reg='" + registrationId + "'] .ticket img")));
        waitFor(phone, d -> Boolean.TRUE.equals(js(d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0;", qr)));
        assertThat(qr.getAttribute("alt")).isEqualTo("“" + salonZh + "”的二维码入场券");
        walk.check(phone, "07-mine-ticket-zh");

        desktop.load(walk.gateway + "/#/me/registrations");
        waitFor(desktop, d -> card(d, salonZh) != null);
        walk.check(desktop, "07-mine-zh");

        mine = phone.driver().findElement(By.cssSelector("[data-reg='" + registrationId + "']"));
        press(mine.findElement(By.xpath(".//button[normalize-space()='取消报名']")));
        WebElement dialog = waitFor(phone, d -> first(d, By.cssSelector("dialog[open]")));
        assertThat(dialog.getText()).contains("确定取消报名吗？").contains(salonZh);
        walk.check(phone, "08-mine-cancel-dialog-zh");
        press(dialog.findElement(By.xpath(".//button[normalize-space()='确定取消']")));
        waitFor(phone, d -> first(d, By.xpath("//section[h2='已取消']//a[normalize-space()='重新报名']")));
        walk.check(phone, "09-mine-cancelled-zh");

        walk.report("Chinese journey", phone, desktop);
    }

    private static String submitText(WebDriver driver) {
        return text(driver, By.cssSelector("main form button[type=submit]"));
    }
}
