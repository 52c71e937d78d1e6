package org.eduweek.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class EdgeHeadersIT extends GatewayTestBase {

    @Test
    void allowsCrossOriginCallsFromThePortalOrigin() {
        client().options().uri("/api/registrations").header(HttpHeaders.ORIGIN, "https://portal.example.edu")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization, Content-Type").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://portal.example.edu");
        client().get().uri("/api/schedule/sessions").header(HttpHeaders.ORIGIN, "https://portal.example.edu")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://portal.example.edu");
    }

    @Test
    void refusesOtherOrigins() {
        client().options().uri("/api/registrations").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        client().get().uri("/api/schedule/sessions").header(HttpHeaders.ORIGIN, "https://evil.example").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void sendsSecurityHeaders() {
        client().get().uri("/api/schedule/sessions").exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader().valueMatches("Content-Security-Policy", ".*default-src 'self'.*frame-ancestors 'none'.*")
                // HSTS only over https (a browser ignores it on http anyway).
                .expectHeader().doesNotExist("Strict-Transport-Security");
    }

    @Test
    @SuppressWarnings("unchecked")
    void servesOneCombinedApiDocumentationPage() {
        client().get().uri("/api/docs").exchange().expectStatus().is3xxRedirection();
        client().get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.urls[*].url").value(urls -> org.assertj.core.api.Assertions
                        .assertThat((java.util.List<Object>) urls).contains("/api/docs/schedule", "/api/docs/registration",
                                "/api/docs/notification", "/api/docs/analytics"));
        client().get().uri("/api/docs/schedule").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").isEqualTo("3.1.0")
                .jsonPath("$.servers[0].url").isEqualTo("/");
    }

    @Test
    void servesThePortalWithoutAToken() {
        client().get().uri("/").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/html")
                .expectBody(String.class).value(html -> org.assertj.core.api.Assertions.assertThat(html)
                        .contains("/portal.js").doesNotContain("<script>"));
        client().get().uri("/portal.js").exchange().expectStatus().isOk();
        client().get().uri("/portal.css").exchange().expectStatus().isOk();
    }

    @Test
    void answersUnknownPathsWithAProblem() {
        client().get().uri("/api/nothing-here").header(HttpHeaders.AUTHORIZATION,
                bearer(org.eduweek.platform.testing.TestTokens.participant("x"))).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://eduweek.org/problems/not-found");
    }
}
