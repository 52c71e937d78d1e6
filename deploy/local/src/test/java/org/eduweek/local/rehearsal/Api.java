package org.eduweek.local.rehearsal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON over HTTP: the gateway for everything the week does, the stack's own URL for what the gateway limits per
 * address or what only the test reads (dev tokens, captured mail and SMS), as the registration benchmark does.
 */
public final class Api implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutorService threads = Executors.newFixedThreadPool(12, r -> {
        Thread t = new Thread(r, "rehearsal-http");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(threads).build();
    private final String gateway;
    private final String stack;

    public Api(String gateway, String stack) {
        this.gateway = gateway;
        this.stack = stack;
    }

    public record Answer(int status, String body) {

        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        /** The JSON body, failing with the answer when the status is not the expected one. */
        public JsonNode expect(int expected, String what) {
            if (status != expected) {
                throw new AssertionError(what + ": expected HTTP " + expected + " but got " + status + " " + body);
            }
            return json();
        }
    }

    /** Bodies may be strings (sent as they are) or objects (serialized). */
    public Answer call(String method, String path, String token, Object body) {
        return send(gateway + path, method, token, body, Map.of());
    }

    public Answer call(String method, String path, String token, Object body, Map<String, String> headers) {
        return send(gateway + path, method, token, body, headers);
    }

    public Answer stack(String method, String path, Object body) {
        return send(stack + path, method, null, body, Map.of());
    }

    /** A dev token from the stack's identity provider, as the registration benchmark takes them. */
    public String token(Map<String, Object> claims) {
        return stack("POST", "/api/auth/dev-token", claims).expect(200, "dev token").path("access_token").asText();
    }

    private Answer send(String url, String method, String token, Object body, Map<String, String> headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            for (int attempt = 1; ; attempt++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                        .header("Accept", "application/json, application/problem+json");
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                if (text != null) {
                    request.header("Content-Type", "application/json");
                }
                headers.forEach(request::header);
                request.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(text));
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                // the gateway's limits are per caller and generous for one person; wait rather than fail if hit
                if (response.statusCode() == 429 && attempt < 5) {
                    long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                    Thread.sleep(Math.max(1, seconds) * 1000);
                    continue;
                }
                // a busy service answered late (504) or shed the call (503): a client repeats what is safe to repeat
                if ((response.statusCode() == 503 || response.statusCode() == 504) && attempt < 4
                        && safeToRepeat(method, headers)) {
                    System.out.println("[rehearsal] " + method + " " + url + " answered " + response.statusCode()
                            + ", repeating (attempt " + (attempt + 1) + ")");
                    Thread.sleep(500L * attempt);
                    continue;
                }
                return new Answer(response.statusCode(), response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Idempotent by HTTP's definition, or made so by an idempotency key. */
    private static boolean safeToRepeat(String method, Map<String, String> headers) {
        return switch (method) {
            case "GET", "HEAD", "PUT", "DELETE" -> true;
            default -> headers.keySet().stream().anyMatch("Idempotency-Key"::equalsIgnoreCase);
        };
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
