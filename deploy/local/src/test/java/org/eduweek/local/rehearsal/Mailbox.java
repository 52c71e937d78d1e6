package org.eduweek.local.rehearsal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The captured email and SMS of the rehearsal's participants, each classified by kind, session and language from
 * the wording of notification-service's templates ({@code i18n/notifications*.properties}): an email by its subject,
 * an SMS by its text. Anything else is labelled UNKNOWN, so it shows up as unexpected.
 */
public final class Mailbox {

    /** A session's code; in Chinese text it follows a letter without a space (Java's \\b is Unicode-aware). */
    private static final Pattern SESSION = Pattern.compile("(?<![A-Za-z0-9])S\\d{2}(?![0-9])");
    private static final Pattern LEAD_EN = Pattern.compile("starts in (\\d+) minutes?");
    private static final Pattern LEAD_ZH = Pattern.compile("将于(\\d+)分钟后开始");

    /** Subject beginnings per kind and language; the announcement's subject is the organizer's own text. */
    private static final Map<String, Kind> EMAIL_EN = ordered(
            "Registration confirmed: ", Kind.CONFIRMED, "On the waiting list: ", Kind.WAITLISTED,
            "A seat is yours: ", Kind.PROMOTED, "Registration cancelled: ", Kind.CANCELLED,
            "Session changed: ", Kind.SESSION_CHANGED, "Session cancelled: ", Kind.SESSION_CANCELLED,
            "Reminder: ", Kind.REMINDER);
    private static final Map<String, Kind> EMAIL_ZH = ordered(
            "报名成功：", Kind.CONFIRMED, "已进入候补名单：", Kind.WAITLISTED, "候补成功，名额已确认：", Kind.PROMOTED,
            "报名已取消：", Kind.CANCELLED, "活动安排变更：", Kind.SESSION_CHANGED, "活动已取消：", Kind.SESSION_CANCELLED,
            "活动提醒：", Kind.REMINDER);
    /** SMS texts: a distinctive part per kind and language. */
    private static final Map<String, Kind> SMS_EN = ordered(
            "IEW reminder: ", Kind.REMINDER, "IEW: you are registered for ", Kind.CONFIRMED,
            "IEW: a seat is yours! ", Kind.PROMOTED, "IEW: your registration for ", Kind.CANCELLED,
            " has changed. Now ", Kind.SESSION_CHANGED, ") is cancelled.", Kind.SESSION_CANCELLED,
            " is full; you are number ", Kind.WAITLISTED);
    private static final Map<String, Kind> SMS_ZH = ordered(
            "【国际教育周】提醒：", Kind.REMINDER, "【国际教育周】您已成功报名", Kind.CONFIRMED,
            "【国际教育周】候补成功！", Kind.PROMOTED, "的报名已取消。", Kind.CANCELLED, "安排变更，现为", Kind.SESSION_CHANGED,
            "）已取消。", Kind.SESSION_CANCELLED, "名额已满，您在候补名单", Kind.WAITLISTED);

    private final Api api;
    private final String announcementSubject;

    public Mailbox(Api api, String announcementSubject) {
        this.api = api;
        this.announcementSubject = announcementSubject;
    }

    public static String label(Channel channel, Kind kind, Duration lead, String session, String language) {
        String what = kind == Kind.REMINDER && lead != null ? kind + "-" + lead.toMinutes() + "m" : kind.name();
        return channel + " " + what + " " + session + " " + language;
    }

    /** What each participant received, as sorted labels; others' mail (other tests) is left out. */
    public Map<Person, List<String>> received(List<Person> people) {
        Map<String, Person> byEmail = new HashMap<>();
        Map<String, Person> byPhone = new HashMap<>();
        Map<Person, List<String>> received = new LinkedHashMap<>();
        for (Person p : people) {
            byEmail.put(p.email.toLowerCase(), p);
            if (p.phone != null) {
                byPhone.put(p.phone, p);
            }
            received.put(p, new ArrayList<>());
        }
        for (JsonNode email : api.stack("GET", "/api/dev/emails", null).expect(200, "captured emails")) {
            for (JsonNode to : email.path("to")) {
                Person p = byEmail.get(to.asText().toLowerCase());
                if (p != null) {
                    received.get(p).add(classifyEmail(email.path("subject").asText()));
                }
            }
        }
        for (JsonNode sms : api.stack("GET", "/api/dev/sms", null).expect(200, "captured SMS")) {
            Person p = byPhone.get(sms.path("to").asText());
            if (p != null) {
                received.get(p).add(classifySms(sms.path("body").asText()));
            }
        }
        received.values().forEach(l -> l.sort(null));
        return received;
    }

    String classifyEmail(String subject) {
        String session = session(subject);
        if (subject.contains(announcementSubject)) {
            return label(Channel.EMAIL, Kind.ANNOUNCEMENT, null, session, subject.contains("（") ? "zh" : "en");
        }
        for (Map.Entry<String, Kind> e : EMAIL_EN.entrySet()) {
            if (subject.startsWith(e.getKey())) {
                return label(Channel.EMAIL, e.getValue(), lead(subject, LEAD_EN), session, "en");
            }
        }
        for (Map.Entry<String, Kind> e : EMAIL_ZH.entrySet()) {
            if (subject.startsWith(e.getKey())) {
                return label(Channel.EMAIL, e.getValue(), lead(subject, LEAD_ZH), session, "zh");
            }
        }
        return "EMAIL UNKNOWN " + subject;
    }

    String classifySms(String text) {
        String session = session(text);
        if (text.contains(announcementSubject)) {
            return label(Channel.SMS, Kind.ANNOUNCEMENT, null, session, text.startsWith("【") ? "zh" : "en");
        }
        for (Map.Entry<String, Kind> e : SMS_EN.entrySet()) {
            if (text.startsWith("IEW") && text.contains(e.getKey())) {
                return label(Channel.SMS, e.getValue(), lead(text, LEAD_EN), session, "en");
            }
        }
        for (Map.Entry<String, Kind> e : SMS_ZH.entrySet()) {
            if (text.startsWith("【国际教育周】") && text.contains(e.getKey())) {
                return label(Channel.SMS, e.getValue(), lead(text, LEAD_ZH), session, "zh");
            }
        }
        return "SMS UNKNOWN " + text;
    }

    private static String session(String text) {
        Matcher m = SESSION.matcher(text);
        return m.find() ? m.group() : "S??";
    }

    private static Duration lead(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Duration.ofMinutes(Long.parseLong(m.group(1))) : null;
    }

    private static Map<String, Kind> ordered(Object... pairs) {
        Map<String, Kind> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Kind) pairs[i + 1]);
        }
        return map;
    }
}
