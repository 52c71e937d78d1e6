package org.eduweek.registration.web;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.springframework.stereotype.Component;

import org.eduweek.platform.calendar.IcsFolding;
import org.eduweek.registration.domain.Registration;
import org.eduweek.registration.domain.Session;

/**
 * A participant's registrations as an RFC 5545 calendar, from this service's replica of the sessions: the same
 * shape as the schedule's calendars (UID {@code sessionId@eduweek}, SEQUENCE the session's version, start and end
 * in the session's own zone with its VTIMEZONE), so a calendar app that has both shows each session once. The join
 * link (URL, and in the description) is written only where the registration gives it today: confirmed, for an
 * online or hybrid session.
 */
@Component
public class FeedCalendar {

    /** A registration with its session. */
    public record Entry(Registration registration, Session session) {
    }

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    public String write(String name, List<Entry> entries, String lang) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//eduweek//registration-service//EN"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(ImmutableMethod.PUBLISH);
        cal.add(new XProperty("X-WR-CALNAME", name));
        Set<String> zoneIds = new LinkedHashSet<>();
        entries.forEach(e -> zoneIds.add(zone(e.session())));
        zoneIds.forEach(z -> cal.add(zones.getTimeZone(z).getVTimeZone()));
        entries.forEach(e -> cal.add(event(e, lang)));
        StringWriter out = new StringWriter();
        try {
            // no folding here: IcsFolding folds by octets, as RFC 5545 asks
            new CalendarOutputter(false, Integer.MAX_VALUE).output(cal, out);
        } catch (IOException e) {
            throw new IllegalStateException("Writing to a StringWriter cannot fail", e);
        }
        return IcsFolding.refold(out.toString());
    }

    private static String zone(Session s) {
        try {
            return ZoneId.of(s.timeZone() == null ? "UTC" : s.timeZone()).getId();
        } catch (RuntimeException e) {
            return "UTC";
        }
    }

    private VEvent event(Entry entry, String lang) {
        Session s = entry.session();
        ZoneId zone = ZoneId.of(zone(s));
        VEvent e = new VEvent(s.start().atZone(zone), s.end().atZone(zone), s.title(lang));
        e.add(new Uid(s.id() + "@eduweek"));
        e.add(new Sequence((int) s.sequence()));
        if (s.location() != null) {
            e.add(new Location(s.location()));
        } else if (!"OFFLINE".equals(s.mode())) {
            e.add(new Location("zh".equals(lang) ? "线上" : "Online"));
        }
        String joinLink = entry.registration().joinLink(s);
        if (joinLink != null) {
            e.add(new Url(URI.create(joinLink)));
            e.add(new Description(("zh".equals(lang) ? "入会链接：" : "Join: ") + joinLink));
        }
        e.add(s.isCancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return e;
    }
}
