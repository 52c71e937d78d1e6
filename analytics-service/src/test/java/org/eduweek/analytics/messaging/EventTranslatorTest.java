package org.eduweek.analytics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.eduweek.analytics.domain.NotificationOutcome;
import org.eduweek.analytics.domain.Pseudonyms;
import org.eduweek.analytics.domain.RegistrationFact;
import org.eduweek.analytics.domain.SessionInfo;
import org.eduweek.analytics.support.Samples;
import org.eduweek.platform.messaging.UnreadableEventException;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class EventTranslatorTest {

    private final Pseudonyms pseudonyms = new Pseudonyms("test-secret");
    private final EventTranslator translator = new EventTranslator(JsonMapper.builder().build(), pseudonyms);

    @Test
    void readsRegistrationCreatedSampleAndPseudonymizesTheParticipant() {
        RegistrationFact f = translator.registration("RegistrationCreated", Samples.registration("RegistrationCreated"));
        assertThat(f.kind()).isEqualTo(RegistrationFact.Kind.CREATED);
        assertThat(f.registrationId()).isEqualTo("reg-7f3a9c");
        assertThat(f.sessionId()).isEqualTo("ses-fair-2020");
        assertThat(f.editionId()).isEqualTo("iew-2020");
        assertThat(f.status()).isEqualTo("CONFIRMED");
        assertThat(f.at()).isEqualTo(Instant.parse("2020-10-16T08:15:30Z"));
        assertThat(f.audience()).isEqualTo("STUDENT");
        assertThat(f.country()).isEqualTo("CN");
        assertThat(f.affiliation()).isEqualTo("Beijing University of Technology");
        assertThat(f.seatMode()).isEqualTo("IN_PERSON");
        assertThat(f.pseudonym()).isEqualTo(pseudonyms.of("alice")).doesNotContain("alice");
    }

    @Test
    void readsTheOtherRegistrationSamples() {
        assertThat(translator.registration("RegistrationCancelled", Samples.registration("RegistrationCancelled")))
                .extracting(RegistrationFact::kind, RegistrationFact::registrationId)
                .containsExactly(RegistrationFact.Kind.CANCELLED, "reg-7f3a9c");
        assertThat(translator.registration("WaitlistPromoted", Samples.registration("WaitlistPromoted")))
                .extracting(RegistrationFact::kind, RegistrationFact::registrationId, RegistrationFact::country)
                .containsExactly(RegistrationFact.Kind.PROMOTED, "reg-81b2d4", "DE");
        assertThat(translator.registration("ParticipantCheckedIn", Samples.registration("ParticipantCheckedIn")))
                .extracting(RegistrationFact::kind, RegistrationFact::at)
                .containsExactly(RegistrationFact.Kind.CHECKED_IN, Instant.parse("2020-10-21T01:05:00Z"));
    }

    @Test
    void ignoresTypesItDoesNotUse() {
        assertThat(translator.registration("ParticipantProfileChanged",
                Samples.registration("ParticipantProfileChanged"))).isNull();
        assertThat(translator.registration(null, "{}")).isNull();
        assertThat(translator.schedule("SomethingNew", "{}")).isNull();
    }

    @Test
    void readsScheduleSamples() {
        SessionInfo s = translator.schedule("SessionScheduled", Samples.schedule("SessionScheduled"));
        assertThat(s.id()).isEqualTo("ses-fair-2020");
        assertThat(s.sequence()).isEqualTo(1);
        assertThat(s.capacityInPerson()).isEqualTo(300);
        assertThat(s.capacityOnline()).isEqualTo(500);
        assertThat(s.campus()).isEqualTo("Pingyuan");
        assertThat(s.mode()).isEqualTo("HYBRID");
        assertThat(s.titleZh()).isEqualTo("国际教育展");
        assertThat(s.end()).isEqualTo(Instant.parse("2020-10-21T04:00:00Z"));
        assertThat(s.timeZone()).isEqualTo("Asia/Shanghai");
        SessionInfo changed = translator.schedule("SessionChanged", Samples.schedule("SessionChanged"));
        assertThat(changed.capacity()).isEqualTo(850);
        assertThat(changed.supersedes(s)).isTrue();
        SessionInfo cancelled = translator.schedule("SessionCancelled", Samples.schedule("SessionCancelled"));
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.activityId()).isEqualTo("act-education-fair");
        assertThat(cancelled.trackId()).isEqualTo("trk-talent-cultivation");
    }

    @Test
    void readsNotificationSamplesWithoutRecipientOrErrorText() {
        NotificationOutcome sent = translator.notification("NotificationSent", Samples.notification("NotificationSent"));
        assertThat(sent).isEqualTo(new NotificationOutcome("ntf-5c1e", "ses-fair-2020", "iew-2020", "EMAIL",
                "CONFIRMED", true, Instant.parse("2020-10-16T08:15:31Z")));
        NotificationOutcome failed = translator.notification("NotificationFailed",
                Samples.notification("NotificationFailed"));
        assertThat(failed.sent()).isFalse();
        assertThat(failed.channel()).isEqualTo("SMS");
        assertThat(failed.toString()).doesNotContain("alice").doesNotContain("invalid destination");
    }

    @Test
    void rejectsAnEventWithoutRegistrationId() {
        assertThatThrownBy(() -> translator.registration("RegistrationCreated",
                "{\"sessionId\":\"s\",\"status\":\"CONFIRMED\",\"occurredAt\":\"2020-10-16T08:15:30Z\"}"))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("registrationId");
    }
}
