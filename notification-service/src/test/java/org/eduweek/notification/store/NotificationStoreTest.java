package org.eduweek.notification.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.eduweek.notification.domain.Channel;
import org.eduweek.notification.domain.Notification;
import org.eduweek.notification.domain.NotificationKind;
import org.eduweek.notification.domain.NotificationState;
import org.eduweek.notification.domain.ReminderPlanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/** The store's one-write operations on the embedded MongoDB the ITs and benchmark use. */
class NotificationStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    private static MongoServer server;
    private static MongoClient client;
    private static MongoTemplate mongo;
    private static NotificationStore store;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "store-test");
        mongo.indexOps(NotificationStore.COLLECTION).createIndex(new Index("dedupeKey", Sort.Direction.ASC).unique());
        mongo.indexOps(NotificationStore.COLLECTION).createIndex(new Index("token", Sort.Direction.ASC).unique());
        store = new NotificationStore(mongo, null, null);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    private static Notification plan(String reg, NotificationKind kind, Channel channel) {
        return Notification.plan(ReminderPlanner.newId(), Notification.key(reg, kind, null, 1, channel), "p-1", reg,
                "ses-1", "iew", channel, kind, null, 1, NOW, NOW);
    }

    @Test
    void insertsSeveralMessagesInOneWriteAndReportsTheOnesThatExistAlready() {
        Notification existing = plan("reg-a", NotificationKind.CONFIRMED, Channel.SMS);
        assertThat(store.insertIfAbsent(existing)).isTrue();
        Notification email = plan("reg-a", NotificationKind.CONFIRMED, Channel.EMAIL);
        Notification replayed = plan("reg-a", NotificationKind.CONFIRMED, Channel.SMS);
        Notification waitlisted = plan("reg-a", NotificationKind.WAITLISTED, Channel.EMAIL);

        List<Notification> inserted = store.insertAll(List.of(email, replayed, waitlisted));

        assertThat(inserted).containsExactly(email, waitlisted);
        assertThat(store.byKey(email.dedupeKey())).isPresent();
        assertThat(store.byKey(waitlisted.dedupeKey())).isPresent();
        assertThat(store.byKey(replayed.dedupeKey()).orElseThrow().id()).isEqualTo(existing.id());
        assertThat(store.insertAll(List.of(email, waitlisted))).isEmpty();
    }

    @Test
    void claimsFromTheCopyJustWrittenWithOneCompareAndSet() {
        Notification n = plan("reg-b", NotificationKind.CONFIRMED, Channel.EMAIL);
        store.insertIfAbsent(n);

        Notification claimed = store.claim(n, "instance-A", NOW, LEASE).orElseThrow();

        Notification stored = store.byKey(n.dedupeKey()).orElseThrow();
        assertThat(claimed.state()).isEqualTo(NotificationState.SENDING);
        assertThat(stored.state()).isEqualTo(NotificationState.SENDING);
        assertThat(claimed.token()).isEqualTo(stored.token());
        assertThat(claimed.claims()).isEqualTo(stored.claims()).isEqualTo(1);
        assertThat(claimed.owner()).isEqualTo(stored.owner()).isEqualTo("instance-A");
        assertThat(store.claim(n, "instance-B", NOW, LEASE)).as("the copy is outdated now").isEmpty();
        assertThat(store.tryClaim(n.id(), "instance-B", NOW, LEASE)).as("lease still running").isEmpty();
        assertThat(store.tryClaim(n.id(), "instance-B", NOW.plus(LEASE).plusSeconds(1), LEASE))
                .as("lease ran out: taken over").isPresent();
    }
    @Test
    void aReleaseRunningWhileAnotherMessageIsBeingParkedLeavesThatOneToItsOwnReCheck() {
        // two messages of one participant wait for the contact: the email is parked already, the SMS's sender has
        // written its marker but not yet settled the message (still SENDING) when the email's re-check releases
        Notification email = plan("reg-w", NotificationKind.CONFIRMED, Channel.EMAIL);
        Notification sms = plan("reg-w", NotificationKind.CONFIRMED, Channel.SMS);
        store.insertAll(List.of(email, sms));
        Notification emailClaimed = store.claim(email, "instance-A", NOW, LEASE).orElseThrow();
        Notification smsClaimed = store.claim(sms, "instance-A", NOW, LEASE).orElseThrow();
        assertThat(store.park(emailClaimed, "waiting for the participant's contact data")).isTrue();
        mongo.save(new org.bson.Document("_id", smsClaimed.id()).append("participantId", "p-1")
                .append("sessionId", "ses-1"), NotificationStore.WAITING);

        assertThat(store.releaseWaiting("participantId", "p-1")).extracting(Notification::id)
                .containsExactly(email.id());

        // the SMS's sender now settles it as WAITING (the second half of park); its own re-check must still find
        // the marker and release it
        assertThat(store.settle(smsClaimed, NotificationState.WAITING, "waiting for the participant's contact data"))
                .isTrue();
        assertThat(store.releaseWaiting("participantId", "p-1")).extracting(Notification::id)
                .containsExactly(sms.id());
        assertThat(store.byKey(sms.dedupeKey()).orElseThrow().state()).isEqualTo(NotificationState.PLANNED);
    }
}
