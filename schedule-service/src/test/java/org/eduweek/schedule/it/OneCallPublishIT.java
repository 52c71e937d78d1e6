package org.eduweek.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eduweek.schedule.ScheduleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

class OneCallPublishIT extends ScheduleIntegrationTest {

    private static final String ROOM = "\"venue\":{\"campus\":\"Pingyuan\",\"building\":\"Library\",\"room\":\"IT-%s\"}";

    @Test
    void createsAndPublishesInOneCallAndAnnouncesSessionScheduled() {
        KafkaConsumer<String, String> consumer = consumer();
        String body = sessionJson("{\"en\":\"Opening talk\",\"zh\":\"开幕演讲\"}", "2030-10-19T09:00:00+08:00",
                "2030-10-19T10:30:00+08:00", "\"mode\":\"OFFLINE\",\"capacity\":120," + ROOM.formatted(uuid())
                        + ",\"joinLink\":null,\"publish\":true,\"audience\":[\"STUDENT\"],\"language\":\"en\"");

        Answer created = post("/api/schedule/sessions", ORGANIZER, body);

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/schedule/sessions/" + id);
        assertThat(created.body().get("status").asString()).isEqualTo("PUBLISHED");

        JsonNode listed = get("/api/schedule/sessions?q=opening%20talk&size=1000").body();
        assertThat(listed.get("items").findValuesAsString("id")).as("a listing right after the write shows it").contains(id);

        Answer read = get("/api/schedule/sessions/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("title").asString()).isEqualTo("Opening talk");
        assertThat(read.body().get("start").asString()).isEqualTo("2030-10-19T09:00:00+08:00");
        assertThat(read.body().get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(read.body().get("capacity").get("inPerson").asInt()).isEqualTo(120);

        List<ConsumerRecord<String, String>> records = recordsFor(consumer, id, 1);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> r = records.get(0);
        assertThat(header(r, "eventType")).isEqualTo("SessionScheduled");
        assertThat(header(r, "eventVersion")).isEqualTo("1");
        assertThat(header(r, "eventId")).isNotBlank();
        JsonNode event = JSON.readTree(r.value());
        assertThat(event.get("eventId").asString()).isEqualTo(header(r, "eventId"));
        assertThat(event.get("sessionId").asString()).isEqualTo(id);
        assertThat(event.get("sequence").asLong()).isEqualTo(1);
        assertThat(event.get("title").get("zh").asString()).isEqualTo("开幕演讲");
        assertThat(event.get("start").asString()).isEqualTo("2030-10-19T01:00:00Z");
        assertThat(event.get("capacity").get("online").asInt()).isZero();
        assertThat(event.get("venue").get("room").asString()).startsWith("IT-");
        assertThat(event.get("status").asString()).isEqualTo("PUBLISHED");
        JsonNode sample = JSON.readTree(new java.io.File("src/test/resources/events/SessionScheduled.v1.json"));
        assertThat(event.propertyNames()).containsExactlyInAnyOrderElementsOf(sample.propertyNames());
    }

    @Test
    void acceptsAPlainStringTitleAndAHybridCapacity() {
        String body = sessionJson("\"Hybrid seminar\"", "2030-10-20T09:00:00+08:00", "2030-10-20T10:00:00+08:00",
                "\"mode\":\"HYBRID\",\"capacityInPerson\":30,\"capacityOnline\":200," + ROOM.formatted(uuid())
                        + ",\"joinLink\":\"https://meet.example.edu/x\",\"publish\":true");

        Answer created = post("/api/schedule/sessions", ORGANIZER, body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("titles").get("en").asString()).isEqualTo("Hybrid seminar");
        assertThat(created.body().get("capacity").get("inPerson").asInt()).isEqualTo(30);
        assertThat(created.body().get("capacity").get("online").asInt()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "end before start|{\"title\":\"Bad\",\"start\":\"2030-10-19T10:00:00+08:00\",\"end\":\"2030-10-19T09:00:00+08:00\",\"timeZone\":\"Asia/Shanghai\",\"mode\":\"ONLINE\",\"capacity\":5,\"joinLink\":\"https://x.example/j\",\"publish\":true}|end",
            "missing title|{\"start\":\"2030-10-19T09:00:00+08:00\",\"end\":\"2030-10-19T10:00:00+08:00\",\"timeZone\":\"Asia/Shanghai\",\"mode\":\"ONLINE\",\"capacity\":5,\"joinLink\":\"https://x.example/j\",\"publish\":true}|title",
            "unknown zone|{\"title\":\"Bad\",\"start\":\"2030-10-19T09:00:00+08:00\",\"end\":\"2030-10-19T10:00:00+08:00\",\"timeZone\":\"Mars/Olympus\",\"mode\":\"ONLINE\",\"capacity\":5,\"joinLink\":\"https://x.example/j\",\"publish\":true}|timeZone",
            "online without link|{\"title\":\"Bad\",\"start\":\"2030-10-19T09:00:00+08:00\",\"end\":\"2030-10-19T10:00:00+08:00\",\"timeZone\":\"Asia/Shanghai\",\"mode\":\"ONLINE\",\"capacity\":5,\"publish\":true}|joinLink",
            "offline without venue|{\"title\":\"Bad\",\"start\":\"2030-10-19T09:00:00+08:00\",\"end\":\"2030-10-19T10:00:00+08:00\",\"timeZone\":\"Asia/Shanghai\",\"mode\":\"OFFLINE\",\"capacity\":5,\"publish\":true}|venue",
            "capacity below one|{\"title\":\"Bad\",\"start\":\"2030-10-19T09:00:00+08:00\",\"end\":\"2030-10-19T10:00:00+08:00\",\"timeZone\":\"Asia/Shanghai\",\"mode\":\"ONLINE\",\"capacity\":0,\"joinLink\":\"https://x.example/j\",\"publish\":true}|capacity",
            "start without offset|{\"title\":\"Bad\",\"start\":\"2030-10-19T09:00:00\",\"end\":\"2030-10-19T10:00:00+08:00\",\"timeZone\":\"Asia/Shanghai\",\"mode\":\"ONLINE\",\"capacity\":5,\"joinLink\":\"https://x.example/j\",\"publish\":true}|start",
            "fractional capacity|{\"title\":\"Bad\",\"start\":\"2030-10-19T09:00:00+08:00\",\"end\":\"2030-10-19T10:00:00+08:00\",\"timeZone\":\"Asia/Shanghai\",\"mode\":\"ONLINE\",\"capacity\":2.9,\"joinLink\":\"https://x.example/j\",\"publish\":true}|capacity",
            "NUL in the title|{\"title\":\"Bad\\u0000title\",\"start\":\"2030-10-19T09:00:00+08:00\",\"end\":\"2030-10-19T10:00:00+08:00\",\"timeZone\":\"Asia/Shanghai\",\"mode\":\"ONLINE\",\"capacity\":5,\"joinLink\":\"https://x.example/j\",\"publish\":true}|title",
            "title of 201 characters|{\"title\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\"start\":\"2030-10-19T09:00:00+08:00\",\"end\":\"2030-10-19T10:00:00+08:00\",\"timeZone\":\"Asia/Shanghai\",\"mode\":\"ONLINE\",\"capacity\":5,\"joinLink\":\"https://x.example/j\",\"publish\":true}|title",
            "unknown mode|{\"title\":\"Bad\",\"start\":\"2030-10-19T09:00:00+08:00\",\"end\":\"2030-10-19T10:00:00+08:00\",\"timeZone\":\"Asia/Shanghai\",\"mode\":\"TELEPATHY\",\"capacity\":5,\"joinLink\":\"https://x.example/j\",\"publish\":true}|mode"
    })
    void refusesBadInputNamingTheFieldAndStoresNothing(String why, String body, String field) {
        long before = mongo.count(new Query(), "sessions");

        Answer answer = post("/api/schedule/sessions", ORGANIZER, body);

        assertThat(answer.status()).as(why + answer.text()).isEqualTo(400);
        assertThat(answer.body().get("errors")).as(answer.text()).isNotNull();
        assertThat(answer.header("Content-Type")).contains("application/problem+json");
        assertThat(answer.body().get("errors").findValuesAsString("field")).as(why).contains(field);
        assertThat(mongo.count(new Query(), "sessions")).isEqualTo(before);
    }

    @Test
    void refusesMalformedJsonAndPublishesNothingForBadInput() {
        KafkaConsumer<String, String> consumer = consumer();
        String marker = "Never published " + uuid();
        Answer malformed = post("/api/schedule/sessions", ORGANIZER, "{\"title\": \"" + marker + "\", ");
        Answer bad = post("/api/schedule/sessions", ORGANIZER, sessionJson("\"" + marker + "\"",
                "2030-10-19T10:00:00+08:00", "2030-10-19T09:00:00+08:00", "\"mode\":\"ONLINE\",\"capacity\":5,"
                        + "\"joinLink\":\"https://x.example/j\",\"publish\":true"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("type").asString()).endsWith("/malformed-request");
        assertThat(bad.status()).isEqualTo(400);

        // a good session afterwards is the fence: once its event is here, anything published before it is too
        String fence = post("/api/schedule/sessions", ORGANIZER, sessionJson("\"Fence\"", "2030-10-21T09:00:00+08:00",
                "2030-10-21T10:00:00+08:00", "\"mode\":\"ONLINE\",\"capacity\":5,\"joinLink\":\"https://x.example/f\","
                        + "\"publish\":true")).body().get("id").asString();
        List<String> seen = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (seen.stream().noneMatch(v -> v.contains(fence)) && System.nanoTime() < deadline) {
            consumer.poll(java.time.Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
        }
        assertThat(seen).anyMatch(v -> v.contains(fence));
        assertThat(seen).noneMatch(v -> v.contains(marker));
    }

    @Test
    void onlyOrganizersMayCreateAndUnpublishedSessionsAreHiddenFromThePublic() {
        String body = sessionJson("\"Draft only\"", "2030-10-22T09:00:00+08:00", "2030-10-22T10:00:00+08:00",
                "\"mode\":\"ONLINE\",\"capacity\":5,\"joinLink\":\"https://x.example/d\"");
        assertThat(post("/api/schedule/sessions", null, body).status()).isEqualTo(401);
        assertThat(post("/api/schedule/sessions", PARTICIPANT, body).status()).isEqualTo(403);

        Answer draft = post("/api/schedule/sessions", ORGANIZER, body);
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.body().get("status").asString()).isEqualTo("DRAFT");
        String id = draft.body().get("id").asString();
        assertThat(get("/api/schedule/sessions/" + id).status()).isEqualTo(404);
        assertThat(call("GET", "/api/schedule/sessions/" + id, ORGANIZER, null).status()).isEqualTo(200);
        assertThat(get("/api/schedule/sessions/does-not-exist").status()).isEqualTo(404);
    }

    private static String uuid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
