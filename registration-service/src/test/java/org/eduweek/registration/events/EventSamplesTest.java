package org.eduweek.registration.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The golden samples are the contract: each event record must serialize to exactly its sample. */
class EventSamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void registrationCreatedMatchesItsSample() throws Exception {
        assertMatches("RegistrationCreated.v1.json", new RegistrationCreated("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                Instant.parse("2020-10-16T08:15:30Z"), "reg-7f3a9c", "ses-fair-2020", "iew-2020", "alice",
                "CONFIRMED", "IN_PERSON", null, "STUDENT", "CN", "Beijing University of Technology", 1));
    }

    @Test
    void registrationCancelledMatchesItsSample() throws Exception {
        assertMatches("RegistrationCancelled.v1.json", new RegistrationCancelled(
                "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", Instant.parse("2020-10-17T09:00:00Z"), "reg-7f3a9c",
                "ses-fair-2020", "iew-2020", "alice", "CONFIRMED", "IN_PERSON", "PARTICIPANT", null, "alice",
                "STUDENT", "CN", "Beijing University of Technology"));
    }

    @Test
    void waitlistPromotedMatchesItsSample() throws Exception {
        assertMatches("WaitlistPromoted.v1.json", new WaitlistPromoted("3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b",
                Instant.parse("2020-10-17T09:00:01Z"), "reg-81b2d4", "ses-fair-2020", "iew-2020", "bob", "IN_PERSON",
                "TEACHER", "DE", "Technical University of Munich"));
    }

    @Test
    void participantCheckedInMatchesItsSample() throws Exception {
        assertMatches("ParticipantCheckedIn.v1.json", new ParticipantCheckedIn(
                "4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f6a7b8c", Instant.parse("2020-10-21T01:05:00Z"), "reg-81b2d4",
                "ses-fair-2020", "iew-2020", "bob", "IN_PERSON", "demo-organizer", "TEACHER", "DE",
                "Technical University of Munich"));
    }

    @Test
    void participantProfileChangedMatchesItsSample() throws Exception {
        assertMatches("ParticipantProfileChanged.v1.json", new ParticipantProfileChanged(
                "5a6b7c8d-9e0f-4a1b-8c3d-4e5f6a7b8c9d", Instant.parse("2020-10-16T08:15:29Z"), "alice", "Alice Chen",
                "alice@example.edu", "+8613800138000", "zh", true, "STUDENT", "Beijing University of Technology",
                "CN", "Asia/Shanghai", 3));
    }

    @Test
    void everySampleReadsBackIntoItsRecord() throws Exception {
        assertThat(JSON.readValue(sample("RegistrationCreated.v1.json"), RegistrationCreated.class).sessionSequence())
                .isEqualTo(1);
        assertThat(JSON.readValue(sample("RegistrationCancelled.v1.json"), RegistrationCancelled.class).reason())
                .isEqualTo("PARTICIPANT");
        assertThat(JSON.readValue(sample("ParticipantProfileChanged.v1.json"), ParticipantProfileChanged.class)
                .smsConsent()).isTrue();
    }

    private static void assertMatches(String file, Object event) throws Exception {
        JsonNode expected = JSON.readTree(sample(file));
        JsonNode actual = JSON.readTree(JSON.writeValueAsString(event));
        assertThat(actual).isEqualTo(expected);
    }

    private static String sample(String file) throws Exception {
        return Files.readString(Path.of("src/test/resources/events", file));
    }
}
