package org.eduweek.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.eduweek.schedule.ScheduleIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The life cycle every reference-data endpoint shares (tracks, activities, venues, institutions, speakers): a
 * generated id with a Location, the id rule, "exists already", 404 for an unknown id, replace, and a 409 instead of
 * a delete while a session still refers to the item.
 */
class ReferenceDataIT extends ScheduleIntegrationTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String edition = "ref-" + suffix;

    private String body(String kind, String id, String name) {
        String idPart = id == null ? "" : "\"id\":\"" + id + "\",";
        return switch (kind) {
            case "institutions" -> "{" + idPart + "\"name\":{\"en\":\"" + name + "\"},\"country\":\"DE\"}";
            case "speakers" -> "{" + idPart + "\"name\":{\"en\":\"" + name + "\"}}";
            case "venues" -> "{" + idPart + "\"campus\":\"Main\",\"building\":\"" + name + "\",\"room\":\"R1\","
                    + "\"capacity\":40}";
            case "tracks" -> "{" + idPart + "\"editionId\":\"" + edition + "\",\"title\":{\"en\":\"" + name + "\"}}";
            case "activities" -> "{" + idPart + "\"editionId\":\"" + edition + "\",\"type\":\"LECTURE\","
                    + "\"title\":{\"en\":\"" + name + "\"}}";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** A session draft that refers to the item, so it cannot be deleted. */
    private String referringSession(String kind, String id) {
        String ref = switch (kind) {
            case "institutions" -> "\"institutionIds\":[\"" + id + "\"],\"venue\":{\"campus\":\"Main\",\"room\":\"X-"
                    + suffix + "\"}";
            case "speakers" -> "\"speakerIds\":[\"" + id + "\"],\"venue\":{\"campus\":\"Main\",\"room\":\"Y-" + suffix
                    + "\"}";
            case "venues" -> "\"venueId\":\"" + id + "\"";
            case "tracks" -> "\"trackId\":\"" + id + "\",\"venue\":{\"campus\":\"Main\",\"room\":\"Z-" + suffix + "\"}";
            case "activities" -> "\"activityId\":\"" + id + "\",\"venue\":{\"campus\":\"Main\",\"room\":\"W-" + suffix
                    + "\"}";
            default -> throw new IllegalArgumentException(kind);
        };
        return """
                {"editionId":"%s","title":"Refers","start":"2031-05-05T09:00:00+02:00","end":"2031-05-05T10:00:00+02:00",
                 "mode":"OFFLINE","capacity":10,%s}""".formatted(edition, ref);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "institutions", "speakers", "venues", "tracks", "activities" })
    void createReadReplaceAndDeleteFollowOneSetOfRules(String kind) {
        assertThat(post("/api/schedule/editions", ORGANIZER, """
                {"id":"%s","name":{"en":"Ref week"},"startDate":"2031-05-04","endDate":"2031-05-08",
                 "timeZone":"Europe/Berlin","campuses":["Main"]}""".formatted(edition)).status()).isEqualTo(201);
        String base = "/api/schedule/" + kind;

        Answer generated = post(base, ORGANIZER, body(kind, null, "First"));
        assertThat(generated.status()).as(generated.text()).isEqualTo(201);
        String id = generated.body().get("id").asString();
        assertThat(generated.header("Location")).isEqualTo(base + "/" + id);
        assertThat(get(base + "/" + id).status()).isEqualTo(200);

        Answer taken = post(base, ORGANIZER, body(kind, id, "Again"));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body().get("errors").findValuesAsString("message")).contains("exists already");
        Answer badId = post(base, ORGANIZER, body(kind, "no spaces allowed", "Bad"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().get("errors").findValuesAsString("field")).contains("id");
        assertThat(post(base, PARTICIPANT, body(kind, null, "Not staff")).status()).isEqualTo(403);

        assertThat(get(base + "/nothing-" + suffix).status()).isEqualTo(404);
        assertThat(call("PUT", base + "/nothing-" + suffix, ORGANIZER, body(kind, null, "X")).status()).isEqualTo(404);
        Answer replaced = call("PUT", base + "/" + id, ORGANIZER, body(kind, null, "Renamed"));
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(replaced.text()).contains("Renamed");

        Answer session = post("/api/schedule/sessions", ORGANIZER, referringSession(kind, id));
        assertThat(session.status()).as(session.text()).isEqualTo(201);
        Answer inUse = call("DELETE", base + "/" + id, ORGANIZER, null);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.body().get("detail").asString()).contains("is used by 1 sessions");
        assertThat(call("DELETE", "/api/schedule/sessions/" + session.body().get("id").asString(), ORGANIZER, null)
                .status()).isEqualTo(204);

        assertThat(call("DELETE", base + "/" + id, ORGANIZER, null).status()).isEqualTo(204);
        assertThat(get(base + "/" + id).status()).isEqualTo(404);
    }
}
