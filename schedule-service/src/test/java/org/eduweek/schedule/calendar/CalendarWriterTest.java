package org.eduweek.schedule.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.eduweek.platform.calendar.IcsFolding;
import org.eduweek.schedule.domain.Audience;
import org.eduweek.schedule.domain.Bilingual;
import org.eduweek.schedule.domain.Capacity;
import org.eduweek.schedule.domain.Mode;
import org.eduweek.schedule.domain.Session;
import org.eduweek.schedule.domain.SessionData;
import org.eduweek.schedule.domain.VenueRef;
import org.junit.jupiter.api.Test;

class CalendarWriterTest {

    private final CalendarWriter writer = new CalendarWriter();

    static Session published(String id, Mode mode, String title, String zone) {
        SessionData d = new SessionData(null, null, new Bilingual(title, "国际教育展：一个很长很长的中文标题用于测试按字节折行是否正确处理多字节字符"),
                new Bilingual("A long description, with commas; and semicolons\nand a new line", null),
                Instant.parse("2020-10-21T01:00:00Z"), Instant.parse("2020-10-21T04:00:00Z"), zone, mode,
                mode.inPerson() ? new VenueRef("v", "Pingyuan", "Gymnasium", "Main Hall") : null,
                mode.online() ? "https://meeting.example.edu/j/2020fair" : null,
                mode == Mode.HYBRID ? new Capacity(3, 4) : Capacity.of(mode, 3), List.of(Audience.STUDENT), null,
                "en", List.of(), List.of(), false, null);
        return Session.create(id, "iew", d, Instant.EPOCH).publish(Instant.EPOCH).session();
    }

    @Test
    void writesACalendarThatTwoParsersAndAStrictLineCheckAccept() throws Exception {
        String ics = writer.write("Programme", List.of(published("a", Mode.HYBRID, "Fair", "Asia/Shanghai"),
                published("b", Mode.ONLINE, "Webinar", "Europe/Berlin")), "zh", true);

        IcsAssertions.assertValidCalendar(ics, 2);
        assertThat(ics).contains("TZID:Asia/Shanghai", "TZID:Europe/Berlin",
                "DTSTART;TZID=Asia/Shanghai:20201021T090000", "DTSTART;TZID=Europe/Berlin:20201021T030000",
                "UID:a@eduweek", "SEQUENCE:1", "STATUS:CONFIRMED", "URL:https://meeting.example.edu/j/2020fair");
    }

    @Test
    void leavesJoinLinksOutWhenTheCallerMayNotSeeThem() throws Exception {
        String ics = writer.write("Programme", List.of(published("b", Mode.ONLINE, "Webinar", "Europe/Berlin")), "en",
                false);

        IcsAssertions.assertValidCalendar(ics, 1);
        assertThat(ics).doesNotContain("meeting.example.edu", "\nURL:", "Join:");
    }

    @Test
    void aCancelledSessionStaysInTheFeedMarkedCancelledWithAHigherSequence() throws Exception {
        Session s = published("c", Mode.OFFLINE, "Fair", "Asia/Shanghai");
        Session cancelled = s.edit(s.draft().cancel("rain"), Instant.EPOCH).publish(Instant.EPOCH).session();

        String ics = writer.write("Programme", List.of(cancelled), "en", false);

        IcsAssertions.assertValidCalendar(ics, 1);
        assertThat(ics).contains("STATUS:CANCELLED", "SEQUENCE:2", "LOCATION:Main Hall\\, Gymnasium\\, Pingyuan");
    }

    @Test
    void foldsLongLinesByOctetsWithoutSplittingCharacters() {
        String line = "SUMMARY:" + "国".repeat(60);
        String folded = IcsFolding.refold(line + "\r\n");

        assertThat(folded.split("\r\n")).allSatisfy(l -> assertThat(l.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                .length).isLessThanOrEqualTo(75));
        assertThat(folded.replace("\r\n ", "").strip()).isEqualTo(line);
    }
}
