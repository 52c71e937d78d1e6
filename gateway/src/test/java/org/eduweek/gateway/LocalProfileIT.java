package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The local profile routes the embedded stack's identity provider and dev captures, without a token, to callers on
 * this machine only.
 */
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

    @Test
    void doesNotRouteDevEndpointsForACallerOnAnotherMachine() throws SocketException {
        Optional<InetAddress> external = externalAddress();
        assumeThat(external).as("a non-loopback address on this machine").isPresent();
        // the gateway listens on every address here; a connection to this one comes from a non-loopback peer
        WebTestClient remote = WebTestClient.bindToServer()
                .baseUrl("http://" + external.get().getHostAddress() + ":" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
        String marker = "remote-" + System.nanoTime();
        remote.post().uri("/api/auth/dev-token").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", "127.0.0.1").header("Forwarded", "for=127.0.0.1")
                .bodyValue("{\"sub\":\"" + marker + "\",\"roles\":[\"ADMIN\"]}").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        remote.get().uri("/api/dev/emails?to=" + marker).exchange().expectStatus().isNotFound();
        assertThat(BACKEND.received).noneMatch(r -> r.body().contains(marker) || r.path().contains(marker));
        // the programme itself is served to everyone
        remote.get().uri("/api/schedule/sessions").exchange().expectStatus().isOk();
    }

    static Optional<InetAddress> externalAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(nic -> {
            try {
                return nic.isUp() && !nic.isLoopback();
            } catch (SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
    }
}
