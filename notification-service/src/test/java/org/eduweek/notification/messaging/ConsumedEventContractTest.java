package org.eduweek.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** Reads the producers' golden samples by their path in the repository: if a producer changes shape, this fails. */
class ConsumedEventContractTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private <T> T sample(String module, String type, Class<T> target) throws Exception {
        return json.readValue(Files.readString(Path.of("..", module, "src/test/resources/events", type + ".v1.json")),
                target);
    }

    @Test
    void readsParticipantProfileChangedIntoTheContactReplicaFields() throws Exception {
        ParticipantProfileChangedV1 e = sample("registration-service", "ParticipantProfileChanged",
                ParticipantProfileChangedV1.class);
        assertThat(e.participantId()).isEqualTo("alice");
        assertThat(e.email()).isEqualTo("alice@example.edu");
        assertThat(e.phone()).isEqualTo("+8613800138000");
        assertThat(e.language()).isEqualTo("zh");
        assertThat(e.smsConsent()).isTrue();
        assertThat(e.profileVersion()).isEqualTo(3L);
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2020-10-16T08:15:29Z"));
    }

    @Test
    void readsEverySessionEventWithTitleTimesZoneVenueLinkStatusAndSequence() throws Exception {
        SessionEventV1 scheduled = sample("schedule-service", "SessionScheduled", SessionEventV1.class);
        assertThat(scheduled.sessionId()).isEqualTo("ses-fair-2020");
        assertThat(scheduled.title().en()).isEqualTo("International Education Fair");
        assertThat(scheduled.title().zh()).isEqualTo("国际教育展");
        assertThat(scheduled.start()).isEqualTo(Instant.parse("2020-10-21T01:00:00Z"));
        assertThat(scheduled.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(scheduled.venue().describe()).isEqualTo("Pingyuan, Gymnasium, Main Hall");
        assertThat(scheduled.joinLink()).startsWith("https://");
        assertThat(scheduled.status()).isEqualTo("PUBLISHED");
        assertThat(scheduled.sequence()).isEqualTo(1);

        SessionEventV1 changed = sample("schedule-service", "SessionChanged", SessionEventV1.class);
        assertThat(changed.sequence()).isEqualTo(2);
        assertThat(changed.changes()).contains("TIME");

        SessionEventV1 cancelled = sample("schedule-service", "SessionCancelled", SessionEventV1.class);
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(cancelled.sequence()).isEqualTo(3);
    }

    @Test
    void readsTheRegistrationEventsThisServiceReactsTo() throws Exception {
        RegistrationEventV1 created = sample("registration-service", "RegistrationCreated", RegistrationEventV1.class);
        assertThat(created.registrationId()).isEqualTo("reg-7f3a9c");
        assertThat(created.sessionId()).isEqualTo("ses-fair-2020");
        assertThat(created.participantId()).isEqualTo("alice");
        assertThat(created.status()).isEqualTo("CONFIRMED");
        assertThat(created.sessionSequence()).isEqualTo(1L);

        RegistrationEventV1 cancelled = sample("registration-service", "RegistrationCancelled",
                RegistrationEventV1.class);
        assertThat(cancelled.reason()).isEqualTo("PARTICIPANT");

        RegistrationEventV1 promoted = sample("registration-service", "WaitlistPromoted", RegistrationEventV1.class);
        assertThat(promoted.participantId()).isEqualTo("bob");
        assertThat(promoted.registrationId()).isEqualTo("reg-81b2d4");
    }
}
