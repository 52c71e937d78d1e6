package org.eduweek.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eduweek.schedule.ScheduleIntegrationTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Drafts, releases, the changelog and the rules that need stored context (edition dates, rooms, speakers). */
class ReleaseIT extends ScheduleIntegrationTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String edition = "it-2031-" + suffix;

    private void createEdition() {
        Answer a = post("/api/schedule/editions", ORGANIZER, """
                {"id":"%s","name":{"en":"IT week","zh":"测试周"},"startDate":"2031-03-03","endDate":"2031-03-07",
                 "timeZone":"Europe/Berlin","campuses":["Main"]}""".formatted(edition));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
    }

    private String draft(String title, String start, String end, String room) {
        Answer a = post("/api/schedule/sessions", ORGANIZER, """
                {"editionId":"%s","title":"%s","start":"%s","end":"%s","mode":"OFFLINE","capacity":20,
                 "venue":{"campus":"Main","building":"B-%s","room":"%s"}}""".formatted(edition, title, start, end,
                suffix, room));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        assertThat(a.body().get("status").asString()).isEqualTo("DRAFT");
        return a.body().get("id").asString();
    }

    /** Sessions A, B and C of the edition, drafted and published by release 1. */
    private record Released(String a, String b, String c) {
    }

    private Released firstRelease() {
        createEdition();
        String a = draft("Session A", "2031-03-03T09:00:00+01:00", "2031-03-03T10:00:00+01:00", "1");
        String b = draft("Session B", "2031-03-03T09:00:00+01:00", "2031-03-03T10:00:00+01:00", "2");
        String c = draft("Session C", "2031-03-04T09:00:00+01:00", "2031-03-04T10:00:00+01:00", "3");
        assertThat(release(null).status()).isEqualTo(201);
        return new Released(a, b, c);
    }

    private Answer release(String note) {
        return post("/api/schedule/editions/" + edition + "/releases", ORGANIZER,
                note == null ? null : "{\"note\":\"" + note + "\"}");
    }

    private void moveSessionATwoHoursLater(String a) {
        Answer moved = call("PUT", "/api/schedule/sessions/" + a, ORGANIZER, """
                {"title":"Session A","start":"2031-03-03T11:00:00+01:00","end":"2031-03-03T12:00:00+01:00",
                 "mode":"OFFLINE","capacity":20,"venue":{"campus":"Main","building":"B-%s","room":"1"}}"""
                .formatted(suffix));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.body().get("unpublishedChanges").asBoolean()).isTrue();
    }

    @Test
    void theFirstReleasePublishesEveryPendingDraftAsSessionScheduled() {
        createEdition();
        KafkaConsumer<String, String> consumer = consumer();
        String a = draft("Session A", "2031-03-03T09:00:00+01:00", "2031-03-03T10:00:00+01:00", "1");
        draft("Session B", "2031-03-03T09:00:00+01:00", "2031-03-03T10:00:00+01:00", "2");
        draft("Session C", "2031-03-04T09:00:00+01:00", "2031-03-04T10:00:00+01:00", "3");
        assertThat(call("GET", "/api/schedule/editions/" + edition + "/releases/pending", ORGANIZER, null).body()
                .size()).isEqualTo(3);

        Answer r1 = release("first");

        assertThat(r1.status()).isEqualTo(201);
        assertThat(r1.body().get("entries").findValuesAsString("eventType")).containsOnly("SessionScheduled").hasSize(3);
        assertThat(recordsFor(consumer, a, 1)).extracting(r -> header(r, "eventType")).containsExactly("SessionScheduled");
    }

    @Test
    void anEditAfterAReleaseStaysOutOfPublicViewUntilTheNextRelease() {
        Released p = firstRelease();

        moveSessionATwoHoursLater(p.a());

        assertThat(get("/api/schedule/sessions/" + p.a()).body().get("start").asString())
                .as("the public still sees the released time").isEqualTo("2031-03-03T09:00:00+01:00");
        release(null);
        assertThat(get("/api/schedule/sessions/" + p.a()).body().get("start").asString())
                .isEqualTo("2031-03-03T11:00:00+01:00");
    }

    @Test
    void aReleaseThatMovesOneSessionEmitsExactlyOneSessionChangedNamingTheChange() {
        KafkaConsumer<String, String> consumer = consumer();
        Released p = firstRelease();
        moveSessionATwoHoursLater(p.a());

        Answer r2 = release(null);

        assertThat(r2.body().get("number").asInt()).isEqualTo(2);
        JsonNode entries = r2.body().get("entries");
        assertThat(entries.size()).isEqualTo(1);
        assertThat(entries.get(0).get("sessionId").asString()).isEqualTo(p.a());
        assertThat(entries.get(0).get("eventType").asString()).isEqualTo("SessionChanged");
        List<ConsumerRecord<String, String>> forA = recordsFor(consumer, p.a(), 2);
        assertThat(forA).extracting(r -> header(r, "eventType")).containsExactly("SessionScheduled", "SessionChanged");
        JsonNode changed = JSON.readTree(forA.get(1).value());
        assertThat(changed.get("changes").values()).extracting(JsonNode::asString).containsExactly("TIME");
        assertThat(changed.get("sequence").asInt()).isEqualTo(2);
        assertThat(changed.get("start").asString()).isEqualTo("2031-03-03T10:00:00Z");
        assertThat(changed.get("previous").get("start").asString()).isEqualTo("2031-03-03T08:00:00Z");
        assertThat(changed.get("previous").has("capacity")).isFalse();
        assertThat(recordsFor(consumer, p.b(), 2)).as("an untouched session gets no new event").hasSize(1);
    }

    @Test
    void aCancellationIsReleasedAsSessionCancelledWithItsReason() {
        KafkaConsumer<String, String> consumer = consumer();
        Released p = firstRelease();

        assertThat(post("/api/schedule/sessions/" + p.c() + "/cancel", ORGANIZER, "{\"reason\":\"Speaker ill\"}")
                .status()).isEqualTo(200);
        Answer r2 = release(null);

        assertThat(r2.body().get("entries").findValuesAsString("eventType")).containsExactly("SessionCancelled");
        assertThat(JSON.readTree(recordsFor(consumer, p.c(), 2).get(1).value()).get("reason").asString())
                .isEqualTo("Speaker ill");
    }

    @Test
    void theChangelogSaysWhatChangedBetweenReleasesAndAnUnchangedProgrammeReleasesNothing() {
        Released p = firstRelease();
        moveSessionATwoHoursLater(p.a());
        release(null);
        post("/api/schedule/sessions/" + p.c() + "/cancel", ORGANIZER, "{\"reason\":\"Speaker ill\"}");
        release(null);

        JsonNode log12 = get("/api/schedule/editions/" + edition + "/changelog?from=1&to=2").body();
        assertThat(log12.get("sessions").size()).isEqualTo(1);
        assertThat(log12.get("sessions").get(0).get("changes").values()).extracting(JsonNode::asString)
                .containsExactly("TIME");
        JsonNode all = get("/api/schedule/editions/" + edition + "/changelog").body();
        assertThat(all.get("releases").size()).isEqualTo(3);
        assertThat(all.get("sessions").size()).isEqualTo(3);
        assertThat(get("/api/schedule/editions/" + edition + "/changelog?from=2&to=1").status()).isEqualTo(400);
        assertThat(release(null).body().get("entries").size()).as("nothing differs any more").isZero();
    }

    @Test
    void refusesSessionsOutsideTheEditionDatesOverfullRoomsAndDoubleBookedRooms() {
        createEdition();
        Answer outside = post("/api/schedule/sessions", ORGANIZER, """
                {"editionId":"%s","title":"Too late","start":"2031-03-08T09:00:00+01:00","end":"2031-03-08T10:00:00+01:00",
                 "mode":"ONLINE","capacity":20,"joinLink":"https://x.example/j"}""".formatted(edition));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body().get("errors").findValuesAsString("field")).contains("start");

        String room = "ven-it-" + suffix;
        assertThat(post("/api/schedule/venues", ORGANIZER, """
                {"id":"%s","campus":"Main","building":"Hall","room":"%s","capacity":30}""".formatted(room, room))
                .status()).isEqualTo(201);
        String body = """
                {"editionId":"%s","title":"T","start":"2031-03-05T09:00:00+01:00","end":"2031-03-05T10:00:00+01:00",
                 "mode":"OFFLINE","capacity":%d,"venueId":"%s"}""";
        Answer overfull = post("/api/schedule/sessions", ORGANIZER, body.formatted(edition, 31, room));
        assertThat(overfull.status()).isEqualTo(400);
        assertThat(overfull.body().get("errors").findValuesAsString("field")).containsExactly("capacity");

        assertThat(post("/api/schedule/sessions", ORGANIZER, body.formatted(edition, 30, room)).status()).isEqualTo(201);
        Answer clash = post("/api/schedule/sessions", ORGANIZER, body.formatted(edition, 10, room));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.body().get("errors").findValuesAsString("field")).containsExactly("venue");

        String hall = "ven-hall-" + suffix;
        post("/api/schedule/venues", ORGANIZER, """
                {"id":"%s","campus":"Main","building":"Fair","room":"%s","capacity":300,"sharedSpace":true}"""
                .formatted(hall, hall));
        assertThat(post("/api/schedule/sessions", ORGANIZER, body.formatted(edition, 100, hall)).status()).isEqualTo(201);
        assertThat(post("/api/schedule/sessions", ORGANIZER, body.formatted(edition, 100, hall)).status())
                .as("a shared space may host overlapping sessions").isEqualTo(201);
    }

    @Test
    void warnsButDoesNotRefuseASpeakerBookedTwiceAtOnce() {
        createEdition();
        String speaker = "spk-it-" + suffix;
        assertThat(post("/api/schedule/speakers", ORGANIZER, """
                {"id":"%s","name":{"en":"Dr. Busy","zh":"忙博士"}}""".formatted(speaker)).status()).isEqualTo(201);
        String body = """
                {"editionId":"%s","title":"%s","start":"2031-03-06T09:00:00+01:00","end":"2031-03-06T10:00:00+01:00",
                 "mode":"ONLINE","capacity":20,"joinLink":"https://x.example/j","speakerIds":["%s"]}""";
        Answer first = post("/api/schedule/sessions", ORGANIZER, body.formatted(edition, "One", speaker));
        assertThat(first.body().has("warnings")).isFalse();

        Answer second = post("/api/schedule/sessions", ORGANIZER, body.formatted(edition, "Two", speaker));

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().get("warnings").findValuesAsString("field")).containsExactly("speakerIds");
        assertThat(second.body().get("warnings").get(0).get("message").asString())
                .contains(first.body().get("id").asString());
    }
}
