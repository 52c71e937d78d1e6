package org.eduweek.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SessionTest {

    static final Instant T = Instant.parse("2020-10-01T00:00:00Z");

    static Session draft() {
        return SessionRulesTest.session("s1", "2020-10-19T01:00:00Z", "2020-10-19T02:00:00Z",
                new VenueRef("v1", "Pingyuan", "Library", "A101"), java.util.List.of());
    }

    @Test
    void aNewSessionIsADraftUntilPublishedThenScheduledWithSequenceOne() {
        Session s = draft();
        assertThat(s.status()).isEqualTo(SessionStatus.DRAFT);

        Session.Publication p = s.publish(T);

        assertThat(p.event()).get().extracting(SessionEvent::kind).isEqualTo(SessionEvent.Kind.SCHEDULED);
        assertThat(p.session().sequence()).isEqualTo(1);
        assertThat(p.session().status()).isEqualTo(SessionStatus.PUBLISHED);
        assertThat(p.session().hasUnpublishedChanges()).isFalse();
    }

    @Test
    void publishingAnUnchangedSessionCausesNothing() {
        Session published = draft().publish(T).session();

        Session.Publication again = published.publish(T);

        assertThat(again.event()).isEmpty();
        assertThat(again.session().sequence()).isEqualTo(1);
    }

    @Test
    void aChangedDraftIsPublishedAsSessionChangedWithTheChangesAndPreviousValues() {
        Session published = draft().publish(T).session();
        Session moved = published.edit(published.draft().shift(Duration.ofHours(2)), T);
        assertThat(moved.hasUnpublishedChanges()).isTrue();
        assertThat(moved.status()).as("the public sees the old one until published").isEqualTo(SessionStatus.PUBLISHED);

        SessionEvent e = moved.publish(T).event().orElseThrow();

        assertThat(e.kind()).isEqualTo(SessionEvent.Kind.CHANGED);
        assertThat(e.changes()).containsExactly(Change.TIME);
        assertThat(e.previous().start()).isEqualTo(Instant.parse("2020-10-19T01:00:00Z"));
        assertThat(e.session().sequence()).isEqualTo(2);
    }

    @Test
    void cancellingAPublishedSessionIsPublishedAsSessionCancelledAndRestoringSchedulesItAgain() {
        Session published = draft().publish(T).session();
        Session cancelled = published.edit(published.draft().cancel("rain"), T).publish(T).session();
        assertThat(cancelled.status()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(cancelled.sequence()).isEqualTo(2);

        SessionEvent restored = cancelled.edit(cancelled.draft().restore(), T).publish(T).event().orElseThrow();

        assertThat(restored.kind()).isEqualTo(SessionEvent.Kind.SCHEDULED);
        assertThat(restored.session().sequence()).isEqualTo(3);
    }

    @Test
    void cancellingANeverPublishedDraftAnnouncesNothing() {
        Session s = draft();
        Session cancelled = s.edit(s.draft().cancel("no"), T);

        assertThat(cancelled.publish(T).event()).isEmpty();
        assertThat(cancelled.draftStatus()).isEqualTo(SessionStatus.CANCELLED);
    }

    @Test
    void namesEveryKindOfChange() {
        SessionData a = draft().draft();
        SessionData b = new SessionData(a.activityId(), a.trackId(), a.title(), a.description(), a.start(), a.end(),
                a.timeZone(), Mode.HYBRID, new VenueRef("v2", "Tongzhou", "Gym", "Hall"), "https://x.example/new",
                new Capacity(5, 7), java.util.List.of(Audience.TEACHER), "basic", "zh", a.speakerIds(),
                a.institutionIds(), false, null);

        assertThat(Change.between(a, b)).containsExactly(Change.VENUE, Change.MODE, Change.LINK, Change.CAPACITY,
                Change.AUDIENCE, Change.LEVEL, Change.LANGUAGE);
    }
}
