package org.eduweek.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a browser does with the gateway's answers, no more: keeps the cookies the gateway sets (and drops those it
 * expires), sends them back to the gateway only, and lets the test follow each redirect itself. Every answer it got
 * from the gateway is kept, so a test can check that no token ever reached the browser.
 */
final class Browser {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    /** The raw Set-Cookie headers of the gateway, newest last. */
    final List<String> setCookies = new ArrayList<>();
    /** Everything the gateway answered: headers and body, newest last. */
    final List<String> seen = new ArrayList<>();

    Browser(int gatewayPort) {
        this.gateway = "http://127.0.0.1:" + gatewayPort;
    }

    String gateway() {
        return gateway;
    }

    HttpResponse<String> get(String url, String... headers) {
        return send(HttpRequest.newBuilder(uri(url)).GET(), headers);
    }

    HttpResponse<String> post(String url, String json, String... headers) {
        return send(HttpRequest.newBuilder(uri(url)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"), headers);
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    /** The newest Set-Cookie header the gateway sent for this cookie. */
    String lastSetCookie(String name) {
        for (int i = setCookies.size() - 1; i >= 0; i--) {
            if (setCookies.get(i).startsWith(name + "=")) {
                return setCookies.get(i);
            }
        }
        return null;
    }

    private URI uri(String url) {
        return URI.create(url.startsWith("/") ? gateway + url : url);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        request.timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpRequest built = request.build();
        boolean toGateway = built.uri().toString().startsWith(gateway + "/");
        if (toGateway && !cookies.isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true).header("Cookie", cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "))).build();
        }
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (toGateway) {
                remember(response);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(HttpResponse<String> response) {
        seen.add(response.headers().map() + "\n" + response.body());
        for (String header : response.headers().allValues("Set-Cookie")) {
            setCookies.add(header);
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}
