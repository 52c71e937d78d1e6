package org.eduweek.notification.delivery;

import java.io.IOException;
import java.io.StringWriter;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.springframework.stereotype.Component;

import org.eduweek.notification.domain.SessionReplica;

/**
 * The {@code .ics} attached to confirmations and changes. UID is the session's (plus the registration), SEQUENCE the
 * session's sequence, so a calendar replaces the earlier entry instead of adding a second one.
 */
@Component
public class CalendarInvite {

    public String build(SessionReplica s, String registrationId, String title, String location, boolean cancel) {
        VEvent event = new VEvent(s.start(), s.end() == null ? s.start().plusSeconds(3600) : s.end(), title);
        event.add(new Uid(s.sessionId() + "." + registrationId + "@eduweek"));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, s.sequence())));
        if (location != null) {
            event.add(new Location(location));
        }
        if (s.joinLink() != null && !s.joinLink().isBlank()) {
            event.add(new Description(s.joinLink()));
            try {
                event.add(new Url(java.net.URI.create(s.joinLink())));
            } catch (IllegalArgumentException e) {
                // a link that is not a URI still shows in the description
            }
        }
        event.add(cancel ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//eduweek//notification-service//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.PUBLISH);
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the calendar entry", e);
        }
        return out.toString();
    }
}
