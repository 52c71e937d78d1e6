package org.eduweek.notification.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST url {"to","from","body"}} → 2xx {@code {"id":…}}; the shape of the embedded stack's captured provider.
 * With a token ({@code SMS_PROVIDER_TOKEN}) the request carries {@code Authorization: Bearer <token>}.
 */
public class GenericJsonSmsProvider implements SmsProvider {

    private final HttpClient http;
    private final JsonMapper json;
    private final SmsProviderProperties props;

    public GenericJsonSmsProvider(HttpClient http, JsonMapper json, SmsProviderProperties props) {
        this.http = http;
        this.json = json;
        this.props = props;
    }

    @Override
    public String send(String to, String from, String body, String idempotencyKey) throws DeliveryException {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("to", to);
        payload.put("from", from);
        payload.put("body", body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(props.url())).timeout(props.timeout())
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload)));
        if (props.token() != null) {
            request.header("Authorization", "Bearer " + props.token());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw SmsProvider.classify(response.statusCode(), response.body());
            }
            return messageId(response.body());
        } catch (IOException e) {
            throw new DeliveryException("provider unreachable: " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", false, e);
        }
    }

    private String messageId(String body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode id = node.get("id");
            return id == null ? null : id.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
