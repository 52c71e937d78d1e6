package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The door check-in page loads for anyone; its decoder is served from the WebJar; its data stays protected. */
class DoorPageIT extends GatewayTestBase {

    @Test
    void servesTheDoorPageAndItsDecoderWithoutATokenButNotTheRoster() {
        client().get().uri("/checkin").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/html")
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("/assets/door/door.js").contains("/door.css").doesNotContain("<script>"));
        client().get().uri("/assets/door/door.js").exchange().expectStatus().isOk();
        client().get().uri("/webjars/html5-qrcode/2.2.1/html5-qrcode.min.js").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript");
        client().get().uri("/api/registrations/sessions/s-1/check-ins").exchange().expectStatus().isUnauthorized();
        client().post().uri("/api/registrations/sessions/s-1/check-ins").exchange().expectStatus().isUnauthorized();
    }
}
