package org.eduweek.notification.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Our events must still serialize to the golden samples consumers test against. */
class PublishedEventContractTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode golden(String type) throws Exception {
        return json.readTree(Files.readString(Path.of("src/test/resources/events", type + ".v1.json")));
    }

    @Test
    void notificationSentSerializesToItsGoldenSample() throws Exception {
        NotificationSent e = new NotificationSent("6b7c8d9e-0f1a-4b2c-9d4e-5f6a7b8c9d0e",
                Instant.parse("2020-10-16T08:15:31Z"), "ntf-5c1e", "alice", "reg-7f3a9c", "ses-fair-2020",
                "iew-2020", "EMAIL", "CONFIRMED", "reg-7f3a9c:CONFIRMED:1:EMAIL", 1);
        assertThat(json.readTree(json.writeValueAsString(e))).isEqualTo(golden("NotificationSent"));
        assertThat(json.readValue(golden("NotificationSent").toString(), NotificationSent.class)).isEqualTo(e);
    }

    @Test
    void notificationFailedSerializesToItsGoldenSample() throws Exception {
        NotificationFailed e = new NotificationFailed("7c8d9e0f-1a2b-4c3d-8e5f-6a7b8c9d0e1f",
                Instant.parse("2020-10-20T01:00:05Z"), "ntf-9d2a", "alice", "reg-7f3a9c", "ses-fair-2020",
                "iew-2020", "SMS", "REMINDER", "reg-7f3a9c:REMINDER-PT1H:1:SMS", 5,
                "provider answered 400: invalid destination");
        assertThat(json.readTree(json.writeValueAsString(e))).isEqualTo(golden("NotificationFailed"));
    }
}
