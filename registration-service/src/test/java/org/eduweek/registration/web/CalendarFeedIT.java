package org.eduweek.registration.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.eduweek.registration.domain.Session;
import org.eduweek.registration.store.CalendarFeedStore;
import org.eduweek.registration.support.Http;
import org.eduweek.registration.support.IntegrationTest;

/** The personal calendar feed: subscribed without a token, rotated, revoked, and never anyone else's. */
class CalendarFeedIT extends IntegrationTest {

    @Autowired
    MongoTemplate mongo;

    private static String register(String sessionId) {
        return "{\"sessionId\":\"" + sessionId + "\"}";
    }

    private Session hybridInARoom(int inPerson, int online) {
        Session s = session(unique("ses"), "HYBRID", inPerson, online, Instant.now().plus(Duration.ofDays(6)), 1);
        return publish(new Session(s.id(), s.editionId(), s.sequence(), Map.of("en", "Open day", "zh", "开放日"),
                s.start(), s.end(), s.timeZone(), s.mode(), inPerson, online, List.of(), null, "PUBLISHED", null,
                s.joinLink(), "Main Hall, Gymnasium, Pingyuan"));
    }

    @Test
    void aFeedListsOnlyMyConfirmedRegistrationsWithTheirJoinLinksAndNeedsNoToken() {
        String alice = participant(unique("alice"));
        String bob = participant(unique("bob"));
        Session mine = hybridInARoom(5, 5);
        Session full = publishSession(1);
        Session bobs = publish(session(unique("ses"), "OFFLINE", 5, 0, Instant.now().plus(Duration.ofDays(20)), 1));
        assertThat(http().post("/api/registrations", alice, register(mine.id())).status()).isEqualTo(201);
        assertThat(http().post("/api/registrations", bob, register(full.id())).status()).isEqualTo(201);
        Http.Response waitlisted = http().post("/api/registrations", alice, register(full.id()));
        assertThat(waitlisted.json().get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(http().post("/api/registrations", bob, register(bobs.id())).status()).isEqualTo(201);

        Http.Response link = http().post("/api/registrations/me/calendar-feed", alice, null);
        assertThat(link.status()).isEqualTo(201);
        String path = link.json().get("path").asString();
        assertThat(path).matches("/api/registrations/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(link.json().get("url").asString()).endsWith(path).startsWith("http://");
        assertThat(link.json().get("webcalUrl").asString()).startsWith("webcal://").endsWith(path);
        assertThat(http().get("/api/registrations/me/calendar-feed", alice).json().get("active").asBoolean())
                .isTrue();

        Http.Response feed = http().get(path, null);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        String ics = unfold(feed.text());
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("UID:" + mine.id() + "@eduweek")
                .contains("SUMMARY:Open day").contains("LOCATION:Main Hall\\, Gymnasium\\, Pingyuan")
                .contains("URL:" + mine.joinLink()).contains("BEGIN:VTIMEZONE").contains("TZID:Asia/Shanghai");
        assertThat(ics).doesNotContain(full.id()).doesNotContain(bobs.id());
        assertThat(unfold(http().get(path + "?lang=zh", null).text())).contains("SUMMARY:开放日");

        // promoted later: then the session appears, with its link
        Http.Response bobsSeat = http().get("/api/registrations/mine", bob);
        String bobsFullRegistration = null;
        for (var r : bobsSeat.json()) {
            if (full.id().equals(r.get("sessionId").asString())) {
                bobsFullRegistration = r.get("id").asString();
            }
        }
        assertThat(http().delete("/api/registrations/" + bobsFullRegistration, bob).status()).isIn(200, 204);
        assertThat(unfold(http().get(path, null).text())).contains("UID:" + full.id() + "@eduweek")
                .doesNotContain(bobs.id());
    }

    @Test
    void aNewSecretRetiresTheOldOneAndRevokingEndsTheFeed() {
        String carol = participant(unique("carol"));
        Session s = publishSession(5);
        http().post("/api/registrations", carol, register(s.id()));
        String first = http().post("/api/registrations/me/calendar-feed", carol, null).json().get("path").asString();
        assertThat(http().get(first, null).status()).isEqualTo(200);

        String second = http().post("/api/registrations/me/calendar-feed", carol, null).json().get("path")
                .asString();
        assertThat(second).isNotEqualTo(first);
        Http.Response old = http().get(first, null);
        assertThat(old.status()).isEqualTo(404);
        assertThat(old.json().get("type").asString()).isEqualTo("https://eduweek.org/problems/not-found");
        assertThat(http().get(second, null).status()).isEqualTo(200);

        assertThat(http().delete("/api/registrations/me/calendar-feed", carol).status()).isEqualTo(204);
        assertThat(http().get(second, null).status()).isEqualTo(404);
        assertThat(http().get("/api/registrations/me/calendar-feed", carol).json().get("active").asBoolean())
                .isFalse();
        assertThat(http().delete("/api/registrations/me/calendar-feed", carol).status()).isEqualTo(204);
    }

    @Test
    void onlyTheSecretsHashIsStoredAndGuessesFindNothing() {
        String sub = unique("dave");
        String dave = participant(sub);
        String path = http().post("/api/registrations/me/calendar-feed", dave, null).json().get("path").asString();
        String token = path.substring(path.lastIndexOf('/') + 1, path.length() - ".ics".length());
        Document stored = mongo.getCollection(CalendarFeedStore.COLLECTION).find(new Document("_id", sub)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(token);
        assertThat(stored.getString("tokenHash")).hasSize(64);

        assertThat(http().get("/api/registrations/calendar/" + "A".repeat(43) + ".ics", null).status())
                .isEqualTo(404);
        assertThat(http().get("/api/registrations/calendar/short.ics", null).status()).isEqualTo(404);
        assertThat(http().get("/api/registrations/calendar/" + stored.getString("tokenHash") + ".ics", null)
                .status()).isEqualTo(404);
        assertThat(http().post("/api/registrations/me/calendar-feed", null, null).status()).isEqualTo(401);
    }

    private static String unfold(String ics) {
        return ics.replace("\r\n ", "");
    }
}
