package org.eduweek.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eduweek.schedule.ScheduleIntegrationTest;
import org.eduweek.schedule.calendar.IcsAssertions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The 2020 seed through the public API: figures, languages, browsing and calendars. */
class SeededProgrammeIT extends ScheduleIntegrationTest {

    @Test
    void seedFiguresHoldThroughTheApi() {
        JsonNode f = get("/api/schedule/editions/iew-2020/summary").body();

        assertThat(f.get("tracks").asInt()).isEqualTo(5);
        assertThat(f.get("assumedTracks").size()).isEqualTo(1);
        assertThat(f.get("activities").asInt()).isEqualTo(18);
        assertThat(f.get("programmePresentationSessions").asInt()).isEqualTo(33);
        assertThat(f.get("culturalActivities").asInt()).isEqualTo(5);
        assertThat(f.get("teacherTrainingCourses").asInt()).isEqualTo(4);
        assertThat(f.get("forums").asInt()).isEqualTo(2);
        assertThat(f.get("campuses").values()).extracting(JsonNode::asString).containsExactly("Pingyuan", "Tongzhou");
        assertThat(f.get("startDate").asString()).isEqualTo("2020-10-19");
        assertThat(f.get("endDate").asString()).isEqualTo("2020-10-31");
        assertThat(f.get("timeZone").asString()).isEqualTo("Asia/Shanghai");

        JsonNode activities = get("/api/schedule/activities?editionId=iew-2020").body();
        assertThat(activities.findValuesAsString("title")).contains("IREG 2020 Beijing Conference",
                "International Teacher Training Session 2020 (with UMD)", "International Education Fair");
        JsonNode ireg = get("/api/schedule/activities/act-ireg-2020").body();
        assertThat(ireg.get("description").asString()).contains("350", "55 countries");
    }

    @Test
    void seededSessionsArePublishedAsEvents() {
        List<ConsumerRecord<String, String>> records = recordsFor(consumer(), "ses-ireg-2020", 1);

        assertThat(records).hasSize(1);
        assertThat(header(records.get(0), "eventType")).isEqualTo("SessionScheduled");
    }

    @Test
    void answersInEnglishAndChinese() {
        assertThat(get("/api/schedule/sessions/ses-fair-2020", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .body().get("title").asString()).isEqualTo("国际教育展");
        assertThat(get("/api/schedule/sessions/ses-fair-2020?lang=en", "Accept-Language", "zh-CN")
                .body().get("title").asString()).isEqualTo("International Education Fair");
        Answer zhTrack = get("/api/schedule/tracks/trk-faculty?lang=zh");
        assertThat(zhTrack.body().get("title").asString()).isEqualTo("师资国际化");
        JsonNode fair = get("/api/schedule/sessions/ses-fair-2020").body();
        assertThat(fair.get("start").asString()).isEqualTo("2020-10-21T09:00:00+08:00");
        assertThat(fair.get("displayTimeZone").asString()).isEqualTo("Asia/Shanghai");
        JsonNode zhPage = get("/api/schedule/sessions?editionId=iew-2020&q=国际教育展&lang=zh").body();
        assertThat(zhPage.get("items").findValuesAsString("title")).contains("国际教育展");
    }

    @Test
    void browsesByCampusModeDayAudienceLanguageAndText() {
        JsonNode tongzhou = get("/api/schedule/sessions?editionId=iew-2020&campus=Tongzhou&size=100").body();
        assertThat(tongzhou.get("total").asInt()).isPositive();
        assertThat(tongzhou.get("items").findValuesAsString("campus")).containsOnly("Tongzhou");

        JsonNode online = get("/api/schedule/sessions?editionId=iew-2020&mode=ONLINE&size=100").body();
        assertThat(online.get("items").findValuesAsString("mode")).containsOnly("ONLINE");
        assertThat(online.get("total").asInt()).isEqualTo(19);

        JsonNode day = get("/api/schedule/sessions?editionId=iew-2020&day=2020-10-21").body();
        assertThat(day.get("items").findValuesAsString("id")).contains("ses-fair-2020");
        assertThat(day.get("items").findValuesAsString("start")).allMatch(s -> s.startsWith("2020-10-21"));

        JsonNode tutors = get("/api/schedule/sessions?editionId=iew-2020&trackId=trk-talent-cultivation&language=zh")
                .body();
        assertThat(tutors.get("total").asInt()).isEqualTo(14);

        JsonNode newStudents = get("/api/schedule/sessions?editionId=iew-2020&audience=NEW_STUDENT&size=200").body();
        assertThat(newStudents.get("items").findValuesAsString("id")).contains("ses-english-sofa", "ses-fair-2020")
                .doesNotContain("ses-english-basic");

        JsonNode page = get("/api/schedule/sessions?editionId=iew-2020&page=1&size=10").body();
        assertThat(page.get("items").size()).isEqualTo(10);
        assertThat(page.get("total").asInt()).isEqualTo(46);

        JsonNode text = get("/api/schedule/sessions?editionId=iew-2020&q=huoshuitang").body();
        assertThat(text.get("items").findValuesAsString("id")).containsExactly("ses-huoshuitang-basketball");
        assertThat(get("/api/schedule/sessions?size=5000").status()).isEqualTo(400);
    }

    @Test
    void aJsonAnswerGoesOutWholeWithItsLengthNotChunked() throws Exception {
        // platform-support's whole-response filter: without it Spring's JSON writer flushed, and Tomcat sent the
        // answer chunked, its terminating chunk in a second write (each hop then read every answer twice)
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                + "/api/schedule/sessions/ses-fair-2020")).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(response.headers().firstValue("Content-Length")).hasValue(String.valueOf(response.body().length));
        assertThat(JSON.readTree(response.body()).get("id").asString()).isEqualTo("ses-fair-2020");
    }

    @Test
    void listsAWholeEditionGzippedForClientsThatAcceptIt() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                + "/api/schedule/sessions?editionId=iew-2020&size=1000")).header("Accept-Encoding", "gzip").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            JsonNode page = JSON.readTree(in.readAllBytes());
            assertThat(page.get("total").asInt()).isEqualTo(46);
            assertThat(page.get("items").size()).isEqualTo(46);
        }
    }

    @Test
    void calendarsParseWithIndependentParsers() throws Exception {
        Answer one = get("/api/schedule/sessions/ses-fair-2020/calendar.ics?lang=zh");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.header("Content-Type")).startsWith("text/calendar");
        var events = IcsAssertions.assertValidCalendar(one.text(), 1);
        assertThat(events.get(0).getSummary().getValue()).isEqualTo("国际教育展");
        assertThat(events.get(0).getUid().getValue()).isEqualTo("ses-fair-2020@eduweek");
        assertThat(one.text()).contains("DTSTART;TZID=Asia/Shanghai:20201021T090000",
                "LOCATION:Main Hall\\, Gymnasium\\, Pingyuan").doesNotContain("meeting.example.edu");
        assertThat(call("GET", "/api/schedule/sessions/ses-fair-2020/calendar.ics?lang=zh", ORGANIZER, null).text())
                .contains("URL:https://meeting.example.edu/j/2020fair");

        Answer personal = get("/api/schedule/calendar/personal.ics?sessionIds=ses-ireg-2020,ses-english-sofa");
        IcsAssertions.assertValidCalendar(personal.text(), 2);

        Answer feed = get("/api/schedule/calendar.ics?editionId=iew-2020&campus=Tongzhou");
        int tongzhou = get("/api/schedule/sessions?editionId=iew-2020&campus=Tongzhou&size=100").body().get("total").asInt();
        IcsAssertions.assertValidCalendar(feed.text(), tongzhou);

        assertThat(get("/api/schedule/calendar/personal.ics?sessionIds=nope").status()).isEqualTo(400);
    }
}
