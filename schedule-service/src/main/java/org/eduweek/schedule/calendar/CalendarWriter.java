package org.eduweek.schedule.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarOutputter;
import org.eduweek.platform.calendar.IcsFolding;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.LastModified;
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

import org.eduweek.schedule.domain.Session;
import org.eduweek.schedule.domain.SessionData;
import org.springframework.stereotype.Component;

/**
 * RFC 5545 calendars of published sessions: one VTIMEZONE per zone used, events with TZID start/end in the
 * session's own zone, LOCATION for a room (or "Online"), URL for a join link (only when the caller may see it), and
 * SEQUENCE = the session's publication sequence so calendar apps replace an event when it changes (UID is stable:
 * sessionId@eduweek). Cancelled sessions stay in a feed with STATUS:CANCELLED, which is how subscribed calendars
 * learn to drop them.
 */
@Component
public class CalendarWriter {

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /**
     * @param withJoinLinks whether the events carry the join links: only for staff, as a feed is as public as the
     *     session itself and a link would let anyone into a capacity-limited online session without a seat
     */
    public String write(String name, List<Session> sessions, String lang, boolean withJoinLinks) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//eduweek//schedule-service//EN"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(ImmutableMethod.PUBLISH);
        cal.add(new XProperty("X-WR-CALNAME", name));
        Set<String> zoneIds = new LinkedHashSet<>();
        sessions.forEach(s -> zoneIds.add(s.published().timeZone()));
        zoneIds.forEach(z -> cal.add(zones.getTimeZone(z).getVTimeZone()));
        sessions.forEach(s -> cal.add(event(s, lang, withJoinLinks)));
        StringWriter out = new StringWriter();
        try {
            // no folding here: IcsFolding folds by octets, as RFC 5545 asks
            new CalendarOutputter(false, Integer.MAX_VALUE).output(cal, out);
        } catch (IOException e) {
            throw new IllegalStateException("Writing to a StringWriter cannot fail", e);
        }
        return IcsFolding.refold(out.toString());
    }

    private VEvent event(Session s, String lang, boolean withJoinLink) {
        SessionData d = s.published();
        ZoneId zone = ZoneId.of(d.timeZone());
        VEvent e = new VEvent(d.start().atZone(zone), d.end().atZone(zone), d.title().in(lang));
        e.add(new Uid(s.id() + "@eduweek"));
        e.add(new Sequence((int) s.sequence()));
        e.add(new LastModified(s.updatedAt()));
        StringBuilder text = new StringBuilder();
        if (d.description().in(lang) != null) {
            text.append(d.description().in(lang));
        }
        if (d.venue() != null) {
            e.add(new Location(d.venue().label()));
        } else if (d.mode().online()) {
            // without a room, and without the link for most callers, this is what tells them where it happens
            e.add(new Location("zh".equals(lang) ? "线上" : "Online"));
        }
        if (withJoinLink && d.joinLink() != null) {
            e.add(new Url(URI.create(d.joinLink())));
            text.append(text.isEmpty() ? "" : "\n").append("Join: ").append(d.joinLink());
        }
        if (!text.isEmpty()) {
            e.add(new Description(text.toString()));
        }
        e.add(d.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return e;
    }
}
