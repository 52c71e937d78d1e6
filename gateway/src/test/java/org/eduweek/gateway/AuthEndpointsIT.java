package org.eduweek.gateway;

import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * {@code /auth/me} when no OpenID provider is configured (the gateway's default): nobody can sign in with a session,
 * bearer callers are described from their token, and the gateway stays stateless (no cookie is ever set).
 */
class AuthEndpointsIT extends GatewayTestBase {

    @Test
    void anonymousWithoutAProviderHasNoSignInToOffer() {
        client().get().uri("/auth/me").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Set-Cookie")
                .expectBody().json("{\"signedIn\":false,\"signInUrl\":null,\"signUpUrl\":null}", true);
    }

    @Test
    void describesABearerCallerFromItsToken() {
        client().get().uri("/auth/me").header("Authorization", bearer(TestTokens.organizer("olga"))).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Set-Cookie")
                .expectBody()
                .jsonPath("$.signedIn").isEqualTo(true)
                .jsonPath("$.sub").isEqualTo("olga")
                .jsonPath("$.name").isEqualTo("olga")
                .jsonPath("$.email").isEqualTo("olga@example.edu")
                .jsonPath("$.locale").isEqualTo("en")
                .jsonPath("$.roles[0]").isEqualTo("ORGANIZER")
                .jsonPath("$.signOutUrl").doesNotExist();
    }

    @Test
    void hasNoSessionEndpointsWithoutAProvider() {
        client().post().uri("/auth/logout").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/oauth2/authorization/keycloak").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist("Location")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
