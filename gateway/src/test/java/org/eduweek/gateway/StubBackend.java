package org.eduweek.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eduweek.platform.testing.TestTokens;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the services behind the gateway: records every request it receives and echoes it back as JSON.
 * It also serves the test JWK set, an OpenAPI document, a slow answer and a Server-Sent Events stream.
 */
final class StubBackend {

    record Received(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    final AtomicInteger busyNow = new AtomicInteger();
    final AtomicInteger busyPeak = new AtomicInteger();
    final CountDownLatch busyGate = new CountDownLatch(30);
    /** The SSE stream holds its second event until a test releases it. */
    volatile CountDownLatch streamGate = new CountDownLatch(1);
    private volatile HttpServer server;
    /** 0 until the first start; a restart binds the same port again, like a service coming back. */
    private volatile int boundPort;

    static StubBackend started() {
        StubBackend stub = new StubBackend();
        stub.start();
        return stub;
    }

    synchronized StubBackend start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", boundPort), 100);
            s.setExecutor(Executors.newCachedThreadPool());
            s.createContext("/", this::handle);
            s.start();
            server = s;
            boundPort = s.getAddress().getPort();
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized void stop() {
        server.stop(0);
    }

    int port() {
        return boundPort;
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    List<Received> requestsTo(String pathPrefix) {
        return received.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.equals("/.well-known/jwks.json")) {
            respond(exchange, 200, "application/json", TestTokens.jwkSetJson());
            return;
        }
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        if (path.equals("/v3/api-docs")) {
            respond(exchange, 200, "application/json",
                    "{\"openapi\":\"3.1.0\",\"servers\":[{\"url\":\"" + url() + "\"}],\"paths\":{}}");
        } else if (path.endsWith("/stream")) {
            stream(exchange);
        } else if (path.endsWith("/busy")) {
            // Held until 30 calls are in flight together (or 800 ms, below the tests' 1 s response timeout).
            busyPeak.accumulateAndGet(busyNow.incrementAndGet(), Math::max);
            busyGate.countDown();
            try {
                busyGate.await(800, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            busyNow.decrementAndGet();
            respond(exchange, 200, "application/json", "{}");
        } else if (path.contains("/sized/")) {
            respond(exchange, 200, "application/json", pattern(lastNumber(path)));
        } else if (path.contains("/chunked/")) {
            chunked(exchange, pattern(lastNumber(path)).getBytes(StandardCharsets.UTF_8));
        } else if (path.endsWith("/slow")) {
            pause(5000);
            respond(exchange, 200, "application/json", "{}");
        } else {
            String query = exchange.getRequestURI().getQuery();
            int status = query != null && query.startsWith("status=") ? Integer.parseInt(query.substring(7)) : 200;
            String echo = JSON.writeValueAsString(Map.of("method", exchange.getRequestMethod(), "path", path,
                    "requestId", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "body", body));
            respond(exchange, status, "application/json", echo);
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                streamGate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** {@code n} characters of "0123456789" repeated: a body whose every byte a test can check. */
    static String pattern(int n) {
        StringBuilder text = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            text.append((char) ('0' + i % 10));
        }
        return text.toString();
    }

    private static int lastNumber(String path) {
        return Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    }

    /** An answer without a length, written in 8 KiB pieces, each flushed. */
    private static void chunked(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int from = 0; from < body.length; from += 8192) {
                out.write(body, from, Math.min(8192, body.length - from));
                out.flush();
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Request-Id", "backend-echo");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
