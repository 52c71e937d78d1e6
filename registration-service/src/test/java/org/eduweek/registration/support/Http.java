package org.eduweek.registration.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny JSON-over-HTTP client for the ITs (real HTTP, so filters and security run as in production). */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final java.util.Map<String, String> headers;

    Http(String base) {
        this(base, java.util.Map.of());
    }

    private Http(String base, java.util.Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    /** The same client, sending {@code name: value} on every request. */
    public Http header(String name, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Http(base, java.util.Map.copyOf(more));
    }

    public record Response(int status, JsonNode json, byte[] bytes, HttpResponse<byte[]> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public Response get(String path, String token) {
        return send(builder(path, token, null).GET().build());
    }

    public Response post(String path, String token, String body) {
        return post(path, token, body, null);
    }

    public Response post(String path, String token, String body, String idempotencyKey) {
        return send(builder(path, token, idempotencyKey).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Response put(String path, String token, String body) {
        return send(builder(path, token, null).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response delete(String path, String token) {
        return send(builder(path, token, null).DELETE().build());
    }

    private HttpRequest.Builder builder(String path, String token, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return b;
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = null;
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && r.body().length > 0) {
                json = JSON.readTree(r.body());
            }
            return new Response(r.statusCode(), json, r.body(), r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
