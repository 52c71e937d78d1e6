package org.eduweek.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.eduweek.local.keycloak.KeycloakAccounts;
import org.eduweek.local.keycloak.KeycloakServer;
import org.eduweek.local.keycloak.SignInBrowser;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An administrator grants and removes ORGANIZER through the gateway's {@code /api/accounts} on the embedded Keycloak
 * (registration-service signs in as the realm's service-account client the launcher set up): the account's next
 * sign-in carries the role in its token's {@code roles}, and loses it after the removal. An organizer may search but
 * not grant. Without the service-account client in the realm (a data folder from before it existed) the API answers
 * 503, and the launcher's next start of Keycloak puts the client back.
 */
@ExtendWith(SharedPlatform.Extension.class)
@Order(3)
class OrganizerRoleIT {

    private static final String PASSWORD = "Promoted-2027-autumn";

    @Test
    void anAdminGrantsOrganizerAndTheAccountsNextSignInCarriesIt(SharedPlatform shared) throws Exception {
        Platform platform = shared.platform();
        KeycloakServer keycloak = platform.keycloak();
        PortalWalk walk = new PortalWalk(platform);
        String email = "wen.promoted." + UUID.randomUUID().toString().substring(0, 8) + "@eduweek.example.edu";
        String subject = KeycloakAccounts.create(keycloak, email, "Wen", "Promoted", PASSWORD, List.of());
        String admin = walk.token("admin-" + walk.run, "ADMIN");
        String organizer = walk.token("organizer-" + walk.run, "ORGANIZER");
        assertThat(roles(platform, email)).containsExactly("PARTICIPANT");

        JsonNode found = walk.call("GET", "/api/accounts?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8),
                organizer, null);
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).path("subject").asText()).isEqualTo(subject);
        assertThat(found.get(0).path("name").asText()).isEqualTo("Wen Promoted");
        assertThat(found.get(0).path("organizer").asBoolean()).isFalse();

        HttpResponse<String> refused = walk.send("PUT", "/api/accounts/" + subject + "/roles/ORGANIZER", organizer, null);
        assertThat(refused.statusCode()).isEqualTo(403);

        for (int i = 0; i < 2; i++) {
            JsonNode granted = walk.call("PUT", "/api/accounts/" + subject + "/roles/ORGANIZER", admin, null);
            assertThat(granted.path("organizer").asBoolean()).isTrue();
            assertThat(granted.path("email").asText()).isEqualTo(email);
        }
        assertThat(roles(platform, email)).containsExactlyInAnyOrder("PARTICIPANT", "ORGANIZER");
        assertThat(walk.call("GET", "/api/accounts?q=wen%20promoted", admin, null).findValuesAsText("subject"))
                .contains(subject);

        JsonNode removed = walk.call("DELETE", "/api/accounts/" + subject + "/roles/ORGANIZER", admin, null);
        assertThat(removed.path("organizer").asBoolean()).isFalse();
        assertThat(roles(platform, email)).containsExactly("PARTICIPANT");

        HttpResponse<String> otherRole = walk.send("PUT", "/api/accounts/" + subject + "/roles/ADMIN", admin, null);
        assertThat(otherRole.statusCode()).isEqualTo(400);

        // a data folder whose realm was imported before the service-account client existed: the launcher adds the
        // client on its next start of Keycloak, and the accounts API works again
        assertThat(KeycloakAccounts.deleteClient(keycloak, KeycloakServer.ACCOUNTS_CLIENT_ID)).isTrue();
        HttpResponse<String> withoutClient = walk.send("GET", "/api/accounts?q=wen", admin, null);
        assertThat(withoutClient.statusCode()).isEqualTo(503);
        assertThat(withoutClient.body()).contains("identity-admin-unavailable");
        platform.restartKeycloak();
        await("the accounts API after the launcher restored its client").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> walk.send("GET", "/api/accounts?q=wen%20promoted", admin, null).statusCode() == 200);
        assertThat(walk.call("PUT", "/api/accounts/" + subject + "/roles/ORGANIZER", admin, null)
                .path("organizer").asBoolean()).isTrue();
        assertThat(roles(platform, email)).containsExactlyInAnyOrder("PARTICIPANT", "ORGANIZER");
    }

    /** The {@code roles} of a fresh sign-in, through Keycloak's login form as the portal's client. */
    private static List<String> roles(Platform platform, String email) throws Exception {
        KeycloakServer keycloak = platform.keycloak();
        SignInBrowser browser = new SignInBrowser(keycloak.issuer(), KeycloakServer.CLIENT_ID, keycloak.clientSecret(),
                platform.gatewayUrl() + "/login/oauth2/code/keycloak");
        browser.openSignIn(null);
        browser.submit(Map.of("username", email, "password", PASSWORD));
        JsonNode claims = SignInBrowser.claims(browser.exchangeCode().path("access_token").asText());
        List<String> roles = new ArrayList<>();
        claims.path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }
}
