package org.eduweek.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eduweek.local.launcher.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token issuing and the captures answer callers on this machine only, even when the stack listens on every address
 * ({@code EDUWEEK_BIND_ADDRESS=0.0.0.0}); the public key and the SMS provider endpoint stay reachable.
 */
class StackHttpServerTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = EmbeddedStack.json();

    @TempDir
    Path data;

    private MailCapture mail;
    private StackHttpServer server;

    @BeforeEach
    void start() throws Exception {
        mail = MailCapture.start(data.resolve("mail"), "127.0.0.1", Ports.free());
        server = StackHttpServer.start("0.0.0.0", 0, json, DevIdentityProvider.open(data.resolve("idp"),
                "http://127.0.0.1:8090"), mail, new SmsCapture(data.resolve("sms"), json));
    }

    @AfterEach
    void stop() {
        server.close();
        mail.close();
    }

    @Test
    void aCallerOnThisMachineGetsTokensAndCaptures() throws Exception {
        assertThat(post("127.0.0.1", "/api/auth/dev-token", "{\"sub\":\"alice\"}").statusCode()).isEqualTo(200);
        assertThat(get("127.0.0.1", "/api/dev/emails").statusCode()).isEqualTo(200);
        assertThat(get("127.0.0.1", "/api/dev/sms").statusCode()).isEqualTo(200);
    }

    @Test
    void aCallerOnAnotherMachineGetsNeitherTokensNorCaptures() throws Exception {
        Optional<InetAddress> external = externalAddress();
        assumeThat(external).as("a non-loopback address on this machine").isPresent();
        String host = external.get().getHostAddress();
        for (HttpResponse<String> refused : new HttpResponse[] {
                post(host, "/api/auth/dev-token", "{\"sub\":\"mallory\",\"roles\":[\"ADMIN\"]}"),
                get(host, "/api/dev/emails"), get(host, "/api/dev/sms"), get(host, "/api/dev/emails/x/raw") }) {
            assertThat(refused.statusCode()).as(refused.uri().toString()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).doesNotContain("access_token").contains("\"type\":\"https://eduweek.org/problems/forbidden\"");
        }
        assertThat(get(host, "/.well-known/jwks.json").statusCode()).isEqualTo(200);
        assertThat(post(host, "/sms/messages", "{\"to\":\"+8613800138000\",\"from\":\"EDUWEEK\",\"body\":\"hi\"}")
                .statusCode()).isEqualTo(202);
    }

    private HttpResponse<String> get(String host, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(host, path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String host, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(host, path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String host, String path) {
        return URI.create("http://" + host + ":" + server.port() + path);
    }

    private static Optional<InetAddress> externalAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(nic -> {
            try {
                return nic.isUp() && !nic.isLoopback();
            } catch (SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
    }
}
