package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answers reach the client byte for byte, with or without a length, small and large (the write-response filter is
 * declared by the gateway itself, since switching off Spring Cloud Gateway's routing filter drops it).
 */
class ResponseBodiesIT extends GatewayTestBase {

    @ParameterizedTest
    @ValueSource(ints = { 1, 776, 64 * 1024, 64 * 1024 + 1, 200_000 })
    void anAnswerWithALengthArrivesWholeWithItsLength(int size) {
        byte[] body = client().get().uri("/api/schedule/sessions/sized/" + size).exchange()
                .expectStatus().isOk()
                .expectHeader().contentLength(size)
                .expectBody().returnResult().getResponseBody();

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(StubBackend.pattern(size));
    }

    @ParameterizedTest
    @ValueSource(ints = { 10, 100_000 })
    void anAnswerWithoutALengthIsStreamedInFull(int size) {
        byte[] body = client().get().uri("/api/schedule/sessions/chunked/" + size).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(StubBackend.pattern(size));
    }

    @Test
    void aHeadRequestIsAnsweredWithoutABody() {
        client().head().uri("/api/schedule/sessions/sized/776").exchange()
                .expectStatus().isOk()
                .expectBody().isEmpty();
    }

    @Test
    void manyAnswersInARowReuseTheGatewaysConnectionsAndStayIntact() {
        for (int i = 0; i < 50; i++) {
            int size = 100 + i * 37;
            byte[] body = client().get().uri("/api/schedule/sessions/sized/" + size).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody();
            assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(StubBackend.pattern(size));
        }
    }
}
