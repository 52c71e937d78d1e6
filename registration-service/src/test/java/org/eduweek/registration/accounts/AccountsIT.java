package org.eduweek.registration.accounts;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.eduweek.platform.testing.TestTokens;
import org.eduweek.registration.support.Http;
import org.eduweek.registration.support.IntegrationTest;
import org.eduweek.registration.support.StubKeycloak;

import static org.assertj.core.api.Assertions.assertThat;

/** The accounts API against a stub of Keycloak's admin REST API, through the real keycloak-admin-client. */
class AccountsIT extends IntegrationTest {

    private final StubKeycloak keycloak = StubKeycloak.shared();

    private static String admin() {
        return TestTokens.token("admin-1", List.of("ADMIN"), java.util.Map.of());
    }

    @Test
    void organizersSearchAccountsByEmailOrNameAndSeeWhoIsAnOrganizer() {
        String tag = unique("srch");
        String ada = keycloak.addUser(tag + ".ada@example.org", "Ada", "Lovelace " + tag, "PARTICIPANT");
        String grace = keycloak.addUser(tag + ".grace@example.org", "Grace", "Hopper", "PARTICIPANT", "ORGANIZER");

        Http.Response byEmail = http().get("/api/accounts?q=" + tag, organizer());
        assertThat(byEmail.status()).isEqualTo(200);
        assertThat(byEmail.json().size()).isEqualTo(2);
        assertThat(byEmail.json().findValuesAsString("subject")).containsExactlyInAnyOrder(ada, grace);
        for (var a : byEmail.json()) {
            assertThat(a.path("organizer").asBoolean()).isEqualTo(a.path("subject").asString().equals(grace));
        }

        Http.Response byNameWords = http().get("/api/accounts?q=ada%20" + tag, admin());
        assertThat(byNameWords.status()).isEqualTo(200);
        assertThat(byNameWords.json().size()).isEqualTo(1);
        assertThat(byNameWords.json().get(0).path("subject").asString()).isEqualTo(ada);
        assertThat(byNameWords.json().get(0).path("name").asString()).isEqualTo("Ada Lovelace " + tag);
        assertThat(byNameWords.json().get(0).path("email").asString()).isEqualTo(tag + ".ada@example.org");

        assertThat(http().get("/api/accounts?q=" + tag, participant(unique("p"))).status()).isEqualTo(403);
        assertThat(http().get("/api/accounts?q=" + "x".repeat(101), organizer()).status()).isEqualTo(400);
    }

    @Test
    void anAdminGrantsAndRemovesOrganizerIdempotently() {
        String id = keycloak.addUser(unique("grant") + "@example.org", "Lin", "Hui", "PARTICIPANT");

        for (int i = 0; i < 2; i++) {
            Http.Response granted = http().put("/api/accounts/" + id + "/roles/ORGANIZER", admin(), "");
            assertThat(granted.status()).isEqualTo(200);
            assertThat(granted.json().path("subject").asString()).isEqualTo(id);
            assertThat(granted.json().path("organizer").asBoolean()).isTrue();
            assertThat(keycloak.user(id).roles()).containsExactlyInAnyOrder("PARTICIPANT", "ORGANIZER");
        }
        for (int i = 0; i < 2; i++) {
            Http.Response removed = http().delete("/api/accounts/" + id + "/roles/ORGANIZER", admin());
            assertThat(removed.status()).isEqualTo(200);
            assertThat(removed.json().path("organizer").asBoolean()).isFalse();
            assertThat(keycloak.user(id).roles()).containsExactly("PARTICIPANT");
        }
    }

    @Test
    void onlyAdminsChangeRolesAndOnlyOrganizerCanBeChanged() {
        String id = keycloak.addUser(unique("deny") + "@example.org", "Wu", "Fang", "PARTICIPANT");

        Http.Response byOrganizer = http().put("/api/accounts/" + id + "/roles/ORGANIZER", organizer(), "");
        assertThat(byOrganizer.status()).isEqualTo(403);
        assertThat(byOrganizer.json().path("type").asString()).endsWith("/forbidden");
        assertThat(keycloak.user(id).roles()).containsExactly("PARTICIPANT");

        Http.Response adminRole = http().put("/api/accounts/" + id + "/roles/ADMIN", admin(), "");
        assertThat(adminRole.status()).isEqualTo(400);
        assertThat(adminRole.json().path("errors").get(0).path("field").asString()).isEqualTo("role");
        assertThat(keycloak.user(id).roles()).containsExactly("PARTICIPANT");

        Http.Response unknown = http().put("/api/accounts/00000000-0000-0000-0000-000000000000/roles/ORGANIZER",
                admin(), "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asString()).endsWith("/not-found");
        Http.Response zh = http().header("Accept-Language", "zh-CN")
                .delete("/api/accounts/00000000-0000-0000-0000-000000000000/roles/ORGANIZER", admin());
        assertThat(zh.status()).isEqualTo(404);
        assertThat(zh.header("Content-Language")).isEqualTo("zh");
    }

    @Test
    void keycloakOutOfReachAnswers503InTheCallersLanguageAndChangesNothing() throws Exception {
        String id = keycloak.addUser(unique("down") + "@example.org", "Zhao", "Lei", "PARTICIPANT");
        keycloak.stop();
        try {
            long started = System.nanoTime();
            Http.Response search = http().get("/api/accounts?q=zhao", organizer());
            assertThat(search.status()).isEqualTo(503);
            assertThat(search.json().path("type").asString())
                    .isEqualTo("https://eduweek.org/problems/identity-admin-unavailable");
            assertThat(search.json().path("detail").asString()).contains("identity provider");
            assertThat(System.nanoTime() - started).isLessThan(10_000_000_000L);

            Http.Response zh = http().header("Accept-Language", "zh-CN")
                    .put("/api/accounts/" + id + "/roles/ORGANIZER", admin(), "");
            assertThat(zh.status()).isEqualTo(503);
            assertThat(zh.json().path("detail").asString()).contains("身份提供方");
            assertThat(zh.json().path("title").asString()).isNotEqualTo("Service Unavailable");
        } finally {
            keycloak.start();
        }
        assertThat(keycloak.user(id).roles()).containsExactly("PARTICIPANT");
        assertThat(http().get("/api/accounts?q=zhao", organizer()).status()).isEqualTo(200);
    }

    @Test
    void aSlowKeycloakIsCutOffByTheReadTimeoutWith503() {
        keycloak.delay(java.time.Duration.ofSeconds(4));
        try {
            long started = System.nanoTime();
            Http.Response search = http().get("/api/accounts?q=slow", organizer());
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(search.status()).isEqualTo(503);
            assertThat(search.json().path("type").asString()).endsWith("/identity-admin-unavailable");
            // the read timeout is 1 s in these tests: well before Keycloak's answer would come
            assertThat(millis).isBetween(900L, 3_500L);
        } finally {
            keycloak.delay(java.time.Duration.ZERO);
        }
        assertThat(http().get("/api/accounts?q=slow", organizer()).status()).isEqualTo(200);
    }
}
