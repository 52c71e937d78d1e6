package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

/** The local profile routes the embedded stack's identity provider and dev captures, without a token. */
@ActiveProfiles("local")
class LocalProfileIT extends GatewayTestBase {

    @Test
    void routesDevTokenIssuingAndCapturesToTheStack() {
        client().post().uri("/api/auth/dev-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sub\":\"alice\"}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/api/auth/dev-token");
        client().get().uri("/api/dev/emails").exchange().expectStatus().isOk();
        client().get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.keys").isArray();
        assertThat(BACKEND.requestsTo("/api/auth/dev-token")).isNotEmpty();
    }
}
