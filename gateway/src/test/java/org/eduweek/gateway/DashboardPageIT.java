package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The organizers' dashboard page loads for anyone; the figures behind it stay ORGANIZER/ADMIN only. */
class DashboardPageIT extends GatewayTestBase {

    @Test
    void servesTheDashboardPageWithoutAToken() {
        client().get().uri("/dashboard").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueMatches("Content-Security-Policy", ".*script-src 'self'.*")
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("/assets/dashboard/main.js", "/portal.css", "/dashboard.css")
                        .doesNotContain("<script>"));
        client().head().uri("/dashboard").exchange().expectStatus().isOk();
        for (String file : new String[] { "/dashboard.css", "/assets/dashboard/main.js", "/assets/dashboard/board.js",
                "/assets/dashboard/live.js", "/assets/dashboard/figures.js", "/assets/dashboard/text.js" }) {
            client().get().uri(file).exchange().expectStatus().isOk();
        }
    }

    @Test
    void keepsTheFiguresForOrganizers() {
        client().get().uri("/api/analytics/stream?editionId=iew-2026").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/api/analytics/editions/iew-2026")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.participant("p-1"))).exchange()
                .expectStatus().isForbidden();
        client().get().uri("/dashboard/anything").exchange().expectStatus().isUnauthorized();
    }
}
