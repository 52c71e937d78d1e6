package org.eduweek.registration.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.eduweek.registration.domain.Session;
import org.eduweek.registration.support.Http;
import org.eduweek.registration.support.IntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Seats for anyone: the plain answer with its cheap 304, the live stream, and the choice of seat mode. */
class AvailabilityIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String path(Session s) {
        return "/api/registrations/sessions/" + s.id() + "/availability";
    }

    @Test
    void anonymousCallersReadSeatsAndPollCheaplyWithTheirETag() throws Exception {
        Session s = publishSession(3);
        Http.Response first = http().get(path(s), null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("seats").get(0).get("free").asInt()).isEqualTo(3);
        assertThat(first.header("Cache-Control")).contains("no-cache");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();

        Http.Response unchanged = http().header("If-None-Match", etag).get(path(s), null);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.bytes()).isEmpty();

        assertThat(http().post("/api/registrations", participant(unique("p")), "{\"sessionId\":\"" + s.id() + "\"}")
                .status()).isEqualTo(201);
        Http.Response changed = http().header("If-None-Match", etag).get(path(s), null);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.json().get("seats").get(0).get("free").asInt()).isEqualTo(2);
        assertThat(changed.json().get("seats").get(0).get("confirmed").asInt()).isEqualTo(1);
    }

    @Test
    void draftsAreHiddenFromAllButOrganizers() {
        Session draft = publish(with(session(unique("ses"), "OFFLINE", 5, 0, Instant.now().plus(Duration.ofDays(3)),
                1), 1, 5, 0, "DRAFT", List.of()));
        assertThat(http().get(path(draft), null).status()).isEqualTo(404);
        assertThat(http().get(path(draft), participant(unique("p"))).status()).isEqualTo(404);
        assertThat(http().get(path(draft) + "/stream", null).status()).isEqualTo(404);
        assertThat(http().get(path(draft), organizer()).status()).isEqualTo(200);
        assertThat(http().get("/api/registrations/sessions/nowhere/availability", null).status()).isEqualTo(404);
    }

    @Test
    void theStreamSendsTheSeatsAtOnceAndAgainWhenTheyChange() throws Exception {
        Session s = publish(session(unique("ses"), "HYBRID", 1, 1, Instant.now().plus(Duration.ofDays(4)), 1));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path(s) + "/stream"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(response.body(), events));
        reader.setDaemon(true);
        reader.start();
        try {
            JsonNode first = events.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.get("sessionId").asString()).isEqualTo(s.id());
            assertThat(free(first, "ONLINE")).isEqualTo(1);

            String online = "{\"sessionId\":\"" + s.id() + "\",\"seatMode\":\"ONLINE\"}";
            assertThat(http().post("/api/registrations", participant(unique("p")), online).status()).isEqualTo(201);
            JsonNode second = events.poll(10, TimeUnit.SECONDS);
            assertThat(second).as("an event after the registration").isNotNull();
            assertThat(free(second, "ONLINE")).isZero();
            assertThat(free(second, "IN_PERSON")).isEqualTo(1);

            Http.Response waitlisted = http().post("/api/registrations", participant(unique("p")), online);
            assertThat(waitlisted.status()).isEqualTo(201);
            assertThat(waitlisted.json().get("status").asString()).isEqualTo("WAITLISTED");
            assertThat(waitlisted.json().get("seatMode").asString()).isEqualTo("ONLINE");
            assertThat(waitlisted.json().get("waitlistPosition").asInt()).isEqualTo(1);
            JsonNode third = events.poll(10, TimeUnit.SECONDS);
            assertThat(third).isNotNull();
            assertThat(seats(third, "ONLINE").get("waiting").asInt()).isEqualTo(1);
            assertThat(seats(third, "IN_PERSON").get("waiting").asInt()).isZero();
            assertThat(events.poll(1500, TimeUnit.MILLISECONDS)).as("nothing when nothing changed").isNull();
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }

    @Test
    void hybridCallersChooseTheirSeatModeAndAFullModeOffersItsOwnWaitlist() {
        Session s = publish(session(unique("ses"), "HYBRID", 1, 2, Instant.now().plus(Duration.ofDays(4)), 1));
        String inPerson = "{\"sessionId\":\"" + s.id() + "\",\"seatMode\":\"IN_PERSON\"}";
        String online = "{\"sessionId\":\"" + s.id() + "\",\"seatMode\":\"ONLINE\"}";
        assertThat(http().post("/api/registrations", participant(unique("p")), inPerson).json().get("status")
                .asString()).isEqualTo("CONFIRMED");
        Http.Response full = http().post("/api/registrations", participant(unique("p")), inPerson);
        assertThat(full.status()).isEqualTo(201);
        assertThat(full.json().get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(full.json().get("seatMode").asString()).isEqualTo("IN_PERSON");
        assertThat(full.json().get("waitlistPosition").asInt()).isEqualTo(1);
        Http.Response chosen = http().post("/api/registrations", participant(unique("p")), online);
        assertThat(chosen.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(chosen.json().get("seatMode").asString()).isEqualTo("ONLINE");
        JsonNode seats = http().get(path(s), null).json();
        assertThat(free(seats, "IN_PERSON")).isZero();
        assertThat(seats(seats, "IN_PERSON").get("waiting").asInt()).isEqualTo(1);
        assertThat(free(seats, "ONLINE")).isEqualTo(1);
    }

    private static JsonNode seats(JsonNode availability, String mode) {
        for (JsonNode seat : availability.get("seats")) {
            if (mode.equals(seat.get("seatMode").asString())) {
                return seat;
            }
        }
        throw new AssertionError("no " + mode + " in " + availability);
    }

    private static int free(JsonNode availability, String mode) {
        return seats(availability, mode).get("free").asInt();
    }

    private static void read(InputStream body, BlockingQueue<JsonNode> events) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            for (String line; (line = lines.readLine()) != null;) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && "availability".equals(event)) {
                    events.add(JSON.readTree(line.substring(5).trim()));
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (Exception closed) {
            // the test closed the stream
        }
    }
}
