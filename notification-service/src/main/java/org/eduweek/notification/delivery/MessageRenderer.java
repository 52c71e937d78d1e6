package org.eduweek.notification.delivery;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.eduweek.notification.domain.NotificationKind;
import org.eduweek.notification.domain.SessionReplica;

/** Renders a message from the templates in the recipient's language; no text is assembled in code. */
@Component
public class MessageRenderer {

    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日 EEE HH:mm", Locale.CHINESE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ITemplateEngine engine;
    private final MessageSource messages;

    public MessageRenderer(ITemplateEngine messageTemplateEngine, MessageSource notificationMessages) {
        this.engine = messageTemplateEngine;
        this.messages = notificationMessages;
    }

    /** What a message says; {@code variant} is the reminder offset or the cancel reason. */
    public record Model(NotificationKind kind, String variant, String language, String name, SessionReplica session,
            Integer waitlistPosition, String announcementSubject, String announcementBody, String sentBy) {
    }

    public record Email(String subject, String text, String html) {
    }

    public Email email(Model m) {
        Context ctx = context(m, m.session().title(m.language()));
        String subject = messages.getMessage("subject." + m.kind(), args(m, (String) ctx.getVariable("title"), ctx),
                locale(m));
        ctx.setVariable("subject", subject);
        ctx.setVariable("calendar", m.kind().carriesCalendar());
        return new Email(subject, engine.process("mail/message.txt", ctx), engine.process("mail/message.html", ctx));
    }

    /** The SMS text within {@code maxSegments}: the title is shortened first, then the text as a whole. */
    public String sms(Model m, int maxSegments) {
        String full = m.session().title(m.language());
        String title = full;
        String text = renderSms(m, title);
        int keep = full.length();
        while (SmsText.segments(text) > maxSegments && keep > 12) {
            keep = Math.max(12, keep * 3 / 4);
            title = full.substring(0, keep).stripTrailing() + (SmsText.isGsm7(full) ? "..." : "…");
            text = renderSms(m, title);
        }
        return SmsText.fit(text, maxSegments);
    }

    private String renderSms(Model m, String title) {
        return engine.process("sms/message.txt", context(m, title)).strip();
    }

    private Context context(Model m, String title) {
        Locale locale = locale(m);
        SessionReplica s = m.session();
        Context ctx = new Context(locale);
        ctx.setVariable("lang", locale.getLanguage());
        ctx.setVariable("kind", m.kind().name());
        ctx.setVariable("name", m.name() == null ? "" : m.name());
        ctx.setVariable("title", title);
        ctx.setVariable("when", when(s, locale));
        ctx.setVariable("venue", s.venue());
        ctx.setVariable("joinLink", s.joinLink() == null || s.joinLink().isBlank() ? null : s.joinLink());
        ctx.setVariable("place", s.venue() != null && !"ONLINE".equals(s.mode()) ? s.venue()
                : s.joinLink() != null ? s.joinLink() : messages.getMessage("online", null, locale));
        ctx.setVariable("lead", lead(m, locale));
        ctx.setVariable("reason", m.kind() == NotificationKind.CANCELLED && m.variant() != null
                && !"SESSION_CANCELLED".equals(m.variant()) ? m.variant() : null);
        ctx.setVariable("waitlistPosition", m.waitlistPosition() == null ? "-" : m.waitlistPosition().toString());
        ctx.setVariable("announcementSubject", m.announcementSubject() == null ? "" : m.announcementSubject());
        ctx.setVariable("announcementBody", m.announcementBody());
        ctx.setVariable("sentBy", m.kind() == NotificationKind.ANNOUNCEMENT ? m.sentBy() : null);
        ctx.setVariable("calendar", false);
        return ctx;
    }

    private Object[] args(Model m, String title, Context ctx) {
        return new Object[] { title, ctx.getVariable("when"), ctx.getVariable("place"), ctx.getVariable("lead"),
                ctx.getVariable("announcementSubject"), ctx.getVariable("waitlistPosition"),
                m.announcementBody() == null ? "" : m.announcementBody() };
    }

    private String lead(Model m, Locale locale) {
        if (m.kind() != NotificationKind.REMINDER || m.variant() == null) {
            return "";
        }
        Duration offset = Duration.parse(m.variant());
        return offset.toHours() >= 1 ? messages.getMessage("lead.hours", new Object[] { offset.toHours() }, locale)
                : messages.getMessage("lead.minutes", new Object[] { offset.toMinutes() }, locale);
    }

    static String when(SessionReplica s, Locale locale) {
        ZonedDateTime start = s.start().atZone(s.zone());
        DateTimeFormatter day = "zh".equals(locale.getLanguage()) ? ZH_DAY : EN_DAY;
        String text = day.format(start);
        if (s.end() != null) {
            ZonedDateTime end = s.end().atZone(s.zone());
            text += "-" + (end.toLocalDate().equals(start.toLocalDate()) ? TIME.format(end) : day.format(end));
        }
        return text + " (" + s.zone().getId() + ")";
    }

    private static Locale locale(Model m) {
        return "zh".equals(m.language()) ? Locale.CHINESE : Locale.ENGLISH;
    }
}
