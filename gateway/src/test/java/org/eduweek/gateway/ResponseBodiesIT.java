package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;

import org.eduweek.gateway.filter.WholeResponseWriteFilter;

/**
 * Answers reach the client byte for byte whichever way the gateway copies them: small answers with a length are
 * written whole ({@link WholeResponseWriteFilter}), larger ones and answers without a length are streamed.
 */
class ResponseBodiesIT extends GatewayTestBase {

    @Autowired
    NettyWriteResponseFilter writeResponseFilter;

    @Test
    void theWholeResponseVariantCopiesTheAnswers() {
        assertThat(writeResponseFilter).isInstanceOf(WholeResponseWriteFilter.class);
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 776, WholeResponseWriteFilter.MAX_WHOLE_BYTES, WholeResponseWriteFilter.MAX_WHOLE_BYTES + 1,
            200_000 })
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
