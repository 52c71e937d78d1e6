package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

class RequestIdIT extends GatewayTestBase {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void generatesARequestIdAndPassesItToTheServiceAndBack() {
        EntityExchangeResult<byte[]> result = client().get().uri("/api/schedule/sessions/rid-1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("X-Request-Id", UUID_PATTERN)
                .expectBody().returnResult();
        List<String> ids = result.getResponseHeaders().get("X-Request-Id");
        assertThat(ids).hasSize(1);
        assertThat(new String(result.getResponseBody())).contains("\"requestId\":\"" + ids.get(0) + "\"");
    }

    @Test
    void keepsAWellFormedClientId() {
        client().get().uri("/api/schedule/sessions/rid-2").header("X-Request-Id", "portal-42.a:b").exchange()
                .expectHeader().valueEquals("X-Request-Id", "portal-42.a:b")
                .expectBody().jsonPath("$.requestId").isEqualTo("portal-42.a:b");
    }

    @Test
    void replacesAnUnsafeClientId() {
        client().get().uri("/api/schedule/sessions/rid-3").header("X-Request-Id", "abc def<script>").exchange()
                .expectHeader().valueMatches("X-Request-Id", UUID_PATTERN)
                .expectBody().jsonPath("$.requestId").value(id -> assertThat((String) id).matches(UUID_PATTERN));
        client().get().uri("/api/schedule/sessions/rid-4").header("X-Request-Id", "a".repeat(200)).exchange()
                .expectHeader().valueMatches("X-Request-Id", UUID_PATTERN);
    }

    @Test
    void tagsTheGatewaysOwnAnswersToo() {
        client().get().uri("/api/registrations").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueMatches("X-Request-Id", UUID_PATTERN);
    }
}
