package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The organizer console's page loads for anyone; the data it shows stays behind the role rules. */
class ConsolePageIT extends GatewayTestBase {

    @Test
    void servesTheConsolePageWithoutACredential() {
        client().get().uri("/organizer").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/html")
                .expectHeader().valueMatches("Content-Security-Policy", ".*default-src 'self'.*")
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("/assets/console/console.js", "/console.css").doesNotContain("<script>"));
        client().get().uri("/assets/console/console.js").exchange().expectStatus().isOk();
        client().get().uri("/assets/console/releases.js").exchange().expectStatus().isOk();
        client().get().uri("/assets/console/team.js").exchange().expectStatus().isOk();
        client().get().uri("/assets/console/organizers.js").exchange().expectStatus().isOk();
        client().get().uri("/assets/console/accounts.js").exchange().expectStatus().isOk();
        client().get().uri("/console.css").exchange().expectStatus().isOk();
    }

    @Test
    void sendsTheAdminPathToTheConsole() {
        client().get().uri("/admin").exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/organizer");
    }

    @Test
    void keepsTheConsolesDataCallsForOrganizers() {
        client().get().uri("/api/registrations/sessions/ses-1").exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/registrations/sessions/ses-1").header(HttpHeaders.AUTHORIZATION,
                bearer(TestTokens.participant("p-1"))).exchange().expectStatus().isForbidden();
        client().get().uri("/api/schedule/editions/e-1/releases/pending").header(HttpHeaders.AUTHORIZATION,
                bearer(TestTokens.organizer("o-1"))).exchange().expectStatus().isOk();
        client().post().uri("/api/notifications/announcements").header(HttpHeaders.AUTHORIZATION,
                bearer(TestTokens.participant("p-1"))).exchange().expectStatus().isForbidden();
    }

    @Test
    void leavesOtherPagesBehindTheSignIn() {
        client().get().uri("/organizer/secret").exchange().expectStatus().isUnauthorized();
    }
}
