package org.eduweek.notification.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Twilio's Messages API (and compatible gateways): form-encoded To/From/Body, HTTP basic auth with SID and token. */
public class TwilioSmsProvider implements SmsProvider {

    private final HttpClient http;
    private final JsonMapper json;
    private final SmsProviderProperties props;

    public TwilioSmsProvider(HttpClient http, JsonMapper json, SmsProviderProperties props) {
        this.http = http;
        this.json = json;
        this.props = props;
    }

    @Override
    public String send(String to, String from, String body, String idempotencyKey) throws DeliveryException {
        String form = "To=" + enc(to) + "&From=" + enc(from) + "&Body=" + enc(body);
        String auth = Base64.getEncoder().encodeToString((props.twilioAccountSid() + ":" + props.twilioAuthToken())
                .getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(props.twilioBaseUrl().replaceAll("/+$", "") + "/2010-04-01/Accounts/"
                + enc(props.twilioAccountSid()) + "/Messages.json");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(props.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + auth)
                .header("I-Twilio-Idempotency-Token", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw SmsProvider.classify(response.statusCode(), response.body());
            }
            try {
                JsonNode sid = json.readTree(response.body()).get("sid");
                return sid == null ? null : sid.asString();
            } catch (RuntimeException e) {
                return null;
            }
        } catch (IOException e) {
            throw new DeliveryException("provider unreachable: " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", false, e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
