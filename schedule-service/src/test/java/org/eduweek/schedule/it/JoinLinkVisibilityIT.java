package org.eduweek.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eduweek.schedule.ScheduleIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The join link of an online session goes to staff and to the schedule's events, never to a public answer. */
class JoinLinkVisibilityIT extends ScheduleIntegrationTest {

    private String link;
    private String id;
    private String edition;

    @BeforeEach
    void anOnlineSessionWithTwoSeats() {
        edition = "jl-" + UUID.randomUUID().toString().substring(0, 8);
        Answer e = post("/api/schedule/editions", ORGANIZER, """
                {"id":"%s","name":"Join links","startDate":"2030-10-01","endDate":"2030-10-31",
                 "timeZone":"Asia/Shanghai"}""".formatted(edition));
        assertThat(e.status()).as(e.text()).isEqualTo(201);
        link = "https://meeting.example.edu/j/" + UUID.randomUUID();
        Answer created = post("/api/schedule/sessions", ORGANIZER, sessionJson("\"Small webinar\"",
                "2030-10-19T09:00:00+08:00", "2030-10-19T10:00:00+08:00", """
                "mode":"ONLINE","capacity":2,"joinLink":"%s","editionId":"%s","publish":true"""
                        .formatted(link, edition)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        id = created.body().get("id").asString();
    }

    @Test
    void anonymousAndParticipantReadsOfASessionHaveNoJoinLink() {
        for (String token : new String[] { null, PARTICIPANT }) {
            Answer read = call("GET", "/api/schedule/sessions/" + id, token, null);

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().has("joinLink")).as("joinLink for token %s", token).isFalse();
            assertThat(read.body().get("hasJoinLink").asBoolean()).isTrue();
            assertThat(read.text()).doesNotContain(link);
        }
    }

    @Test
    void organizersSeeTheJoinLinkInThePublishedAndTheDraftView() {
        assertThat(call("GET", "/api/schedule/sessions/" + id, ORGANIZER, null).body().get("joinLink").asString())
                .isEqualTo(link);
        assertThat(call("GET", "/api/schedule/sessions/" + id + "?view=draft", ORGANIZER, null).body()
                .get("joinLink").asString()).isEqualTo(link);
    }

    @Test
    void listingsAndSearchNeverCarryTheJoinLink() {
        for (String path : new String[] { "/api/schedule/sessions?editionId=" + edition,
                "/api/schedule/sessions?q=small%20webinar&size=1000" }) {
            Answer anonymous = get(path);
            Answer organizer = call("GET", path, ORGANIZER, null);

            assertThat(anonymous.body().get("items").findValuesAsString("id")).contains(id);
            assertThat(anonymous.text()).doesNotContain(link);
            assertThat(organizer.text()).doesNotContain(link);
        }
    }

    @Test
    void publicCalendarsHaveNoJoinUrlButTheOrganizersHave() {
        String[] paths = { "/api/schedule/sessions/" + id + "/calendar.ics",
                "/api/schedule/calendar.ics?editionId=" + edition,
                "/api/schedule/calendar/personal.ics?sessionIds=" + id };
        for (String path : paths) {
            Answer anonymous = get(path);
            Answer participant = call("GET", path, PARTICIPANT, null);
            Answer organizer = call("GET", path, ORGANIZER, null);

            assertThat(anonymous.status()).as(path).isEqualTo(200);
            assertThat(anonymous.text()).as(path).contains("UID:" + id + "@eduweek").doesNotContain(link, "\nURL:");
            assertThat(participant.text()).as(path).contains("UID:" + id + "@eduweek").doesNotContain(link, "\nURL:");
            assertThat(organizer.text()).as(path).contains("URL:" + link);
        }
    }

    @Test
    void theScheduleEventStillCarriesTheJoinLinkForItsConsumers() {
        KafkaConsumer<String, String> consumer = consumer();

        JsonNode event = JSON.readTree(recordsFor(consumer, id, 1).get(0).value());

        assertThat(event.get("joinLink").asString()).isEqualTo(link);
    }
}
