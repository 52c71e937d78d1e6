package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;

import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import reactor.core.publisher.Flux;

class LimitsIT extends GatewayTestBase {

    @Test
    void throttlesAClientOverItsRegistrationLimitWhileOthersGoOn() {
        String greedy = bearer(TestTokens.participant("greedy-" + UUID.randomUUID()));
        for (int i = 0; i < 3; i++) {
            register(greedy).expectStatus().isOk();
        }
        register(greedy).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().valueMatches("Retry-After", "[1-9][0-9]*")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://eduweek.org/problems/too-many-requests");
        register(bearer(TestTokens.participant("patient-" + UUID.randomUUID()))).expectStatus().isOk();
        // The stricter bucket covers registration writes only: reads by the same user still pass.
        client().get().uri("/api/registrations/mine").header("Authorization", greedy).exchange()
                .expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec register(String authorization) {
        return client().post().uri("/api/registrations").header("Authorization", authorization)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"sessionId\":\"s-1\"}").exchange();
    }

    @Test
    void rejectsA6MegabyteBodyWith413() {
        byte[] big = new byte[6 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        String path = "/api/registrations/big-" + UUID.randomUUID();
        client().post().uri(path).header("Authorization", bearer(TestTokens.participant("bob")))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(big).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(BACKEND.requestsTo(path)).isEmpty();
    }

    @Test
    void rejectsAnOversizedChunkedJsonBodyWith413() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        byte[] chunk = new byte[256 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        Flux<DataBuffer> body = Flux.concat(Flux.just(buffers.wrap("{\"a\":\"".getBytes())),
                Flux.range(0, 24).map(i -> buffers.wrap(chunk)), Flux.just(buffers.wrap("\"}".getBytes())));
        String path = "/api/registrations/chunked-" + UUID.randomUUID();
        client().post().uri(path).header("Authorization", bearer(TestTokens.participant("bob")))
                .contentType(MediaType.APPLICATION_JSON).body(BodyInserters.fromDataBuffers(body)).exchange()
                .expectStatus().isEqualTo(413);
        assertThat(BACKEND.requestsTo(path)).isEmpty();
    }

    @Test
    void rejectsAnOversizedChunkedUploadWith413WithoutTrippingTheCircuit() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        byte[] chunk = new byte[256 * 1024];
        String path = "/api/notifications/upload-" + UUID.randomUUID();
        for (int i = 0; i < 6; i++) {
            client().post().uri(path).header("Authorization", bearer(TestTokens.participant("bob")))
                    .contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .body(BodyInserters.fromDataBuffers(Flux.range(0, 8).map(n -> buffers.wrap(chunk)))).exchange()
                    .expectStatus().isEqualTo(413);
        }
        client().post().uri(path).header("Authorization", bearer(TestTokens.participant("bob")))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(BodyInserters.fromDataBuffers(Flux.just(buffers.wrap(new byte[] { 1, 2, 3 })))).exchange()
                .expectStatus().isOk();
        assertThat(NOTIFICATIONS.requestsTo(path)).hasSize(1);
    }

    @Test
    void rejectsOperatorKeysAtAnyDepth() {
        String path = "/api/registrations/inject-" + UUID.randomUUID();
        for (String json : new String[] { "{\"sessionId\":{\"$ne\":null}}",
                "{\"profile\":{\"tags\":[{\"$where\":\"sleep(1000)\"}]}}", "{\"a.b\":1}" }) {
            client().put().uri(path).header("Authorization", bearer(TestTokens.participant("eve")))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://eduweek.org/problems/validation")
                    .jsonPath("$.errors").isArray();
        }
        assertThat(BACKEND.requestsTo(path)).isEmpty();
    }

    @Test
    void passesCleanJsonThroughUnchanged() {
        String json = "{\"sessionId\":\"s-1\",\"note\":\"costs $5. ok\",\"nested\":{\"list\":[1,2,{\"k\":\"v\"}]}}";
        String path = "/api/registrations/clean-" + UUID.randomUUID();
        client().put().uri(path).header("Authorization", bearer(TestTokens.participant("eve")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.body").isEqualTo(json);
        assertThat(BACKEND.requestsTo(path)).hasSize(1);
    }

    @Test
    void answers431ToOversizedHeaders() {
        client().get().uri("/api/schedule/sessions").header("X-Padding", "x".repeat(20 * 1024)).exchange()
                .expectStatus().isEqualTo(431);
    }
}
