package org.eduweek.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import org.eduweek.notification.config.TemplateConfiguration;
import org.eduweek.notification.domain.NotificationKind;
import org.eduweek.notification.domain.SessionReplica;

class MessageRendererTest {

    private static final SessionReplica FAIR = new SessionReplica("ses-fair-2020", "iew-2020", "act",
            "International Education Fair", "国际教育展", Instant.parse("2020-10-21T01:00:00Z"),
            Instant.parse("2020-10-21T04:00:00Z"), "Asia/Shanghai", "HYBRID", "Pingyuan, Gymnasium, Main Hall",
            "https://meeting.example.edu/j/2020fair", "PUBLISHED", 2);

    private final MessageRenderer renderer;

    MessageRendererTest() {
        TemplateConfiguration config = new TemplateConfiguration();
        ResourceBundleMessageSource messages = config.notificationMessages();
        renderer = new MessageRenderer(config.messageTemplateEngine(messages), messages);
    }

    private static MessageRenderer.Model model(NotificationKind kind, String variant, String lang, SessionReplica s) {
        return new MessageRenderer.Model(kind, variant, lang, "Alice Chen", s, null, null, null, null);
    }

    @Test
    void rendersChineseReminderEmailInLocalTimeOfTheSession() {
        MessageRenderer.Email mail = renderer.email(model(NotificationKind.REMINDER, "PT24H", "zh", FAIR));
        assertThat(mail.subject()).isEqualTo("活动提醒：国际教育展将于24小时后开始");
        assertThat(mail.text()).contains("Alice Chen，您好：").contains("活动：国际教育展").contains("2020年10月21日 周三 09:00-12:00 (Asia/Shanghai)");
        assertThat(mail.html()).contains("国际教育展").contains("href=\"https://meeting.example.edu/j/2020fair\"");
    }

    @Test
    void rendersEnglishChangeEmailMentioningTheCalendarFile() {
        MessageRenderer.Email mail = renderer.email(model(NotificationKind.SESSION_CHANGED, null, "en", FAIR));
        assertThat(mail.subject()).isEqualTo("Session changed: International Education Fair");
        assertThat(mail.text()).contains("When: Wed 21 Oct 2020, 09:00-12:00 (Asia/Shanghai)").contains(".ics");
    }

    @Test
    void htmlEscapesWhatOrganizersAndProfilesProvide() {
        MessageRenderer.Model m = new MessageRenderer.Model(NotificationKind.ANNOUNCEMENT, "ann-1", "en",
                "<b>Eve</b>", FAIR, null, "Hi", "<script>alert(1)</script>", "org-1");
        MessageRenderer.Email mail = renderer.email(m);
        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;").doesNotContain("<b>Eve");
        assertThat(mail.text()).contains("<script>alert(1)</script>");
    }

    @Test
    void chineseSmsStaysWithinTheSegmentLimitByShorteningTheTitle() {
        SessionReplica longTitle = new SessionReplica("s", "e", "a", "x", "国际教育周开幕式暨中外合作办学论坛与国际学生文化交流展示活动".repeat(2),
                FAIR.start(), FAIR.end(), "Asia/Shanghai", "OFFLINE", "平乐园校区 图书馆 报告厅", null, "PUBLISHED", 1);
        String sms = renderer.sms(model(NotificationKind.REMINDER, "PT1H", "zh", longTitle), 2);
        assertThat(sms).startsWith("【国际教育周】提醒：").contains("…").contains("1小时后开始");
        assertThat(SmsText.isGsm7(sms)).isFalse();
        assertThat(SmsText.segments(sms)).isLessThanOrEqualTo(2);
        String oneSegment = renderer.sms(model(NotificationKind.CONFIRMED, null, "zh", FAIR), 1);
        assertThat(SmsText.segments(oneSegment)).isEqualTo(1);
    }

    @Test
    void englishSmsStaysGsm7() {
        String sms = renderer.sms(model(NotificationKind.REMINDER, "PT1H", "en", FAIR), 2);
        assertThat(sms).isEqualTo("IEW reminder: International Education Fair starts in 1 hour, "
                + "Wed 21 Oct 2020, 09:00-12:00 (Asia/Shanghai), Pingyuan, Gymnasium, Main Hall.");
        assertThat(SmsText.isGsm7(sms)).isTrue();
        assertThat(SmsText.segments(sms)).isEqualTo(1);
    }

    @Test
    void theCalendarEntryParsesWithUidSequenceAndUtcTimes() throws Exception {
        String ics = new CalendarInvite().build(FAIR, "reg-1", "International Education Fair", FAIR.venue(), false);
        Calendar cal = new CalendarBuilder().build(new StringReader(ics));
        VEvent e = (VEvent) cal.getComponent("VEVENT").orElseThrow();
        assertThat(e.getProperty("UID").orElseThrow().getValue()).isEqualTo("ses-fair-2020.reg-1@eduweek");
        assertThat(e.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");
        assertThat(e.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20201021T010000Z");
        assertThat(e.getProperty("LOCATION").orElseThrow().getValue()).isEqualTo("Pingyuan, Gymnasium, Main Hall");
        String cancel = new CalendarInvite().build(FAIR, "reg-1", "x", null, true);
        assertThat(cancel).contains("METHOD:CANCEL").contains("STATUS:CANCELLED");
    }
}
