package org.eduweek.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.eduweek.registration.domain.Registration.Registrant;
import org.eduweek.registration.domain.Registration.Transition;
import org.eduweek.registration.domain.RegistrationRuleException.Kind;
import org.eduweek.registration.events.ParticipantCheckedIn;
import org.eduweek.registration.events.RegistrationCancelled;
import org.eduweek.registration.events.RegistrationCreated;
import org.eduweek.registration.events.WaitlistPromoted;

class RegistrationTest {

    private static final Instant BOOKED = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2030-01-01T00:30:00Z");
    private static final Registrant ALICE = new Registrant("alice", "STUDENT", "CN", "BJUT");

    private static Session session(String mode, String status, List<String> audience, String level) {
        return new Session("s1", "iew-2020", 4, Map.of("en", "Study in Europe"), Instant.parse("2030-01-01T01:00:00Z"),
                Instant.parse("2030-01-01T02:00:00Z"), "Asia/Shanghai", mode, 10, 20, audience, level, status, null,
                "https://meet.example.edu/s1");
    }

    private static final Session SESSION = session("HYBRID", "PUBLISHED", List.of(), null);

    private static Participant profile(String audience, String level) {
        return new Participant("alice", "Alice", null, null, "en", false, audience, null, null, level, null, 1, null,
                List.of(), BOOKED, null);
    }

    private static Registration confirmed() {
        return Registration.confirmed("r1", SESSION, ALICE, SeatMode.ONLINE, BOOKED).registration();
    }

    private static Registration waitlisted() {
        return Registration.waitlisted("r1", SESSION, ALICE, SeatMode.IN_PERSON, 7, 3, BOOKED).registration();
    }

    private static Registration cancelled() {
        return confirmed().cancel(CancelReason.PARTICIPANT, null, "alice", LATER).registration();
    }

    private static Consumer<Throwable> kind(Kind kind) {
        return e -> assertThat(((RegistrationRuleException) e).kind()).isEqualTo(kind);
    }

    @Test
    void registeringWithASeatConfirmsAndAnnouncesIt() {
        Transition<RegistrationCreated> t = Registration.confirmed("r1", SESSION, ALICE, SeatMode.ONLINE, BOOKED);
        Registration r = t.registration();
        assertThat(t.from()).isNull();
        assertThat(r.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(r.confirmedAt()).isEqualTo(BOOKED);
        assertThat(r.activeKey()).isEqualTo("s1|alice");
        assertThat(r.waitNumber()).isNull();
        assertThat(r.editionId()).isEqualTo("iew-2020");
        assertThat(r.sessionSequence()).isEqualTo(4);
        RegistrationCreated e = t.event();
        assertThat(e.registrationId()).isEqualTo("r1");
        assertThat(e.status()).isEqualTo("CONFIRMED");
        assertThat(e.seatMode()).isEqualTo("ONLINE");
        assertThat(e.waitlistPosition()).isNull();
        assertThat(e.audience()).isEqualTo("STUDENT");
        assertThat(e.occurredAt()).isEqualTo(BOOKED);
        assertThat(e.eventId()).isNotBlank();
    }

    @Test
    void onlyAConfirmedRegistrationGivesTheJoinLink() {
        assertThat(confirmed().joinLink(SESSION)).isEqualTo("https://meet.example.edu/s1");
        assertThat(waitlisted().promote(LATER).registration().joinLink(SESSION))
                .isEqualTo("https://meet.example.edu/s1");
        assertThat(waitlisted().joinLink(SESSION)).isNull();
        assertThat(cancelled().joinLink(SESSION)).isNull();
        assertThat(confirmed().joinLink(null)).as("session not known yet").isNull();
    }

    @Test
    void registeringWithoutASeatWaitlistsWithTheTicketsNumberAndPosition() {
        Transition<RegistrationCreated> t = Registration.waitlisted("r1", SESSION, ALICE, SeatMode.IN_PERSON, 7, 3,
                BOOKED);
        assertThat(t.registration().status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(t.registration().waitNumber()).isEqualTo(7L);
        assertThat(t.registration().confirmedAt()).isNull();
        assertThat(t.event().status()).isEqualTo("WAITLISTED");
        assertThat(t.event().waitlistPosition()).isEqualTo(3);
    }

    @Test
    void promotingAWaitlistedRegistrationConfirmsItFromWaitlisted() {
        Transition<WaitlistPromoted> t = waitlisted().promote(LATER);
        assertThat(t.from()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(t.registration().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(t.registration().confirmedAt()).isEqualTo(LATER);
        assertThat(t.registration().waitNumber()).isEqualTo(7L);
        assertThat(t.event().registrationId()).isEqualTo("r1");
        assertThat(t.event().seatMode()).isEqualTo("IN_PERSON");
        assertThat(t.event().occurredAt()).isEqualTo(LATER);
    }

    @Test
    void rejectsPromotionOfAConfirmedOrCancelledRegistration() {
        assertThatThrownBy(() -> confirmed().promote(LATER)).satisfies(kind(Kind.NOT_WAITLISTED));
        assertThatThrownBy(() -> cancelled().promote(LATER)).satisfies(kind(Kind.NOT_WAITLISTED));
    }

    @Test
    void cancellingFreesTheActiveKeyAndRemembersWhatWasHeld() {
        Transition<RegistrationCancelled> t = confirmed().cancel(CancelReason.ORGANIZER, "moved", "olivia", LATER);
        Registration r = t.registration();
        assertThat(t.from()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(r.status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(r.activeKey()).isNull();
        assertThat(r.cancelledAt()).isEqualTo(LATER);
        assertThat(r.cancelReason()).isEqualTo(CancelReason.ORGANIZER);
        assertThat(r.cancelReasonText()).isEqualTo("moved");
        assertThat(r.cancelledBy()).isEqualTo("olivia");
        RegistrationCancelled e = t.event();
        assertThat(e.previousStatus()).isEqualTo("CONFIRMED");
        assertThat(e.reason()).isEqualTo("ORGANIZER");
        assertThat(e.reasonText()).isEqualTo("moved");
        assertThat(e.cancelledBy()).isEqualTo("olivia");

        Transition<RegistrationCancelled> left = waitlisted().cancel(CancelReason.SESSION_CANCELLED, null, null, LATER);
        assertThat(left.from()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(left.event().previousStatus()).isEqualTo("WAITLISTED");
    }

    @Test
    void rejectsCancellingACancelledRegistration() {
        assertThatThrownBy(() -> cancelled().cancel(CancelReason.PARTICIPANT, null, "alice", LATER))
                .satisfies(kind(Kind.ALREADY_CANCELLED));
    }

    @Test
    void checkingInAConfirmedRegistrationRecordsWhoScannedIt() {
        Transition<ParticipantCheckedIn> t = confirmed().checkIn("olivia", LATER);
        assertThat(t.from()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(t.registration().isCheckedIn()).isTrue();
        assertThat(t.registration().checkedInAt()).isEqualTo(LATER);
        assertThat(t.registration().checkedInBy()).isEqualTo("olivia");
        assertThat(t.event().checkedInBy()).isEqualTo("olivia");
        assertThat(t.event().registrationId()).isEqualTo("r1");
    }

    @Test
    void rejectsCheckInOfAWaitlistedCancelledOrAlreadyCheckedInRegistration() {
        assertThatThrownBy(() -> waitlisted().checkIn("olivia", LATER)).satisfies(kind(Kind.NOT_CONFIRMED))
                .hasMessage("Registration is WAITLISTED, not confirmed: no check-in");
        assertThatThrownBy(() -> cancelled().checkIn("olivia", LATER)).satisfies(kind(Kind.NOT_CONFIRMED));
        Registration scanned = confirmed().checkIn("olivia", LATER).registration();
        assertThatThrownBy(() -> scanned.checkIn("olivia", LATER)).satisfies(kind(Kind.ALREADY_CHECKED_IN));
    }

    @Test
    void admitsIntoTheSessionsDefaultSeatModeUnlessOneIsAsked() {
        assertThat(Registration.admit(SESSION, profile(null, null), null, BOOKED)).isEqualTo(SeatMode.IN_PERSON);
        assertThat(Registration.admit(SESSION, profile(null, null), SeatMode.ONLINE, BOOKED))
                .isEqualTo(SeatMode.ONLINE);
    }

    @Test
    void rejectsASeatModeTheSessionDoesNotOffer() {
        Session online = session("ONLINE", "PUBLISHED", List.of(), null);
        assertThatThrownBy(() -> Registration.admit(online, profile(null, null), SeatMode.IN_PERSON, BOOKED))
                .satisfies(kind(Kind.SEAT_MODE_NOT_OFFERED))
                .satisfies(e -> assertThat(((RegistrationRuleException) e).violations())
                        .extracting(RegistrationRuleException.Violation::field).containsExactly("seatMode"));
    }

    @Test
    void rejectsRegistrationForACancelledOrStartedSession() {
        Session cancelled = session("OFFLINE", "CANCELLED", List.of(), null);
        assertThatThrownBy(() -> Registration.admit(cancelled, profile(null, null), null, BOOKED))
                .satisfies(kind(Kind.SESSION_CANCELLED));
        assertThatThrownBy(() -> Registration.admit(SESSION, profile(null, null), null,
                Instant.parse("2030-01-01T01:00:00Z"))).satisfies(kind(Kind.SESSION_STARTED));
    }

    @Test
    void rejectsAParticipantOutsideTheSessionsAudienceOrLevel() {
        Session forTeachers = session("OFFLINE", "PUBLISHED", List.of("TEACHER"), null);
        assertThatThrownBy(() -> Registration.admit(forTeachers, profile("STUDENT", null), null, BOOKED))
                .satisfies(kind(Kind.AUDIENCE_MISMATCH));
        Session advanced = session("OFFLINE", "PUBLISHED", List.of(), "ADVANCED");
        assertThatThrownBy(() -> Registration.admit(advanced, profile(null, "BEGINNER"), null, BOOKED))
                .satisfies(kind(Kind.LEVEL_MISMATCH));
        assertThat(Registration.admit(advanced, profile(null, "advanced"), null, BOOKED))
                .isEqualTo(SeatMode.IN_PERSON);
    }

    @Test
    void aWalkInIsAdmittedAtTheDoorInPersonFirstWhateverTheAudienceOrLevelButNotIntoACancelledSession() {
        Session forTeachersOnly = session("HYBRID", "PUBLISHED", List.of("TEACHER"), "advanced");
        assertThat(Registration.admitAtDoor(forTeachersOnly)).containsExactly(SeatMode.IN_PERSON, SeatMode.ONLINE);
        assertThat(Registration.admitAtDoor(session("ONLINE", "PUBLISHED", List.of(), null)))
                .containsExactly(SeatMode.ONLINE);
        assertThatThrownBy(() -> Registration.admitAtDoor(session("OFFLINE", "CANCELLED", List.of(), null)))
                .isInstanceOfSatisfying(RegistrationRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.SESSION_CANCELLED));
    }
}
