package org.eduweek.schedule.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

/**
 * Three independent checks of an iCalendar text: ical4j's own parser, biweekly (another implementation), and a
 * strict line-level RFC 5545 check written here (CRLF, 75-octet lines, balanced BEGIN/END, required properties).
 */
public final class IcsAssertions {

    private IcsAssertions() {
    }

    public static List<VEvent> assertValidCalendar(String ics, int expectedEvents) throws Exception {
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        assertThat(parsed.getComponents("VEVENT")).hasSize(expectedEvents);

        List<ICalendar> calendars = Biweekly.parse(ics).all();
        assertThat(calendars).hasSize(1);
        ICalendar cal = calendars.get(0);
        assertThat(cal.getEvents()).hasSize(expectedEvents);
        for (VEvent e : cal.getEvents()) {
            assertThat(e.getUid()).isNotNull();
            assertThat(e.getSequence()).isNotNull();
            assertThat(e.getDateStart()).isNotNull();
            assertThat(e.getDateEnd()).isNotNull();
            assertThat(e.getLocation() != null || e.getUrl() != null).as("LOCATION or URL").isTrue();
        }
        assertThat(cal.getTimezoneInfo().getComponents()).as("VTIMEZONE").isNotEmpty();

        assertStrictLines(ics);
        return cal.getEvents();
    }

    public static void assertStrictLines(String ics) {
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).as("no bare CR or LF").doesNotContain("\n").doesNotContain("\r");
        Deque<String> open = new ArrayDeque<>();
        boolean version = false;
        boolean prodId = false;
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of: " + line).isLessThanOrEqualTo(75);
            if (line.startsWith(" ") || line.startsWith("\t")) {
                continue;
            }
            assertThat(line).as("content line name:value").matches("^[A-Za-z0-9-]+([;:]).*");
            if (line.startsWith("BEGIN:")) {
                open.push(line.substring(6));
            } else if (line.startsWith("END:")) {
                assertThat(open).as("END without BEGIN: " + line).isNotEmpty();
                assertThat(open.pop()).isEqualTo(line.substring(4));
            }
            version |= line.equals("VERSION:2.0");
            prodId |= line.startsWith("PRODID:");
        }
        assertThat(open).as("unclosed components").isEmpty();
        assertThat(version && prodId).as("VERSION and PRODID").isTrue();
        assertThat(ics).contains("BEGIN:VTIMEZONE").containsPattern("DTSTART;TZID=[A-Za-z_/]+:\\d{8}T\\d{6}")
                .containsPattern("\r\nSEQUENCE:\\d+\r\n");
    }
}
