package org.eduweek.platform.tokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Reads {@code jwks_uri} from an OpenID provider's discovery document ({@code <issuer>/.well-known/openid-configuration},
 * OpenID Connect Discovery 1.0) with the JDK's HTTP client and Nimbus' JSON parser, so it works the same in the
 * servlet services and the reactive gateway whatever JSON library their web stack carries. The document must name
 * the same issuer it was fetched for.
 */
public final class OidcDiscovery {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private OidcDiscovery() {
    }

    /** The JWK set URL of {@code issuer}; {@link IllegalStateException} when the provider does not answer as one. */
    public static String jwkSetUri(String issuer) {
        URI location = URI.create(issuer.endsWith("/") ? issuer + ".well-known/openid-configuration"
                : issuer + "/.well-known/openid-configuration");
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(location).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(location + " answered HTTP " + response.statusCode());
            }
            Map<String, Object> document = JSONObjectUtils.parse(response.body());
            if (!issuer.equals(document.get("issuer"))) {
                throw new IllegalStateException(location + " names another issuer: " + document.get("issuer"));
            }
            Object jwksUri = document.get("jwks_uri");
            if (!(jwksUri instanceof String uri) || uri.isBlank()) {
                throw new IllegalStateException(location + " has no jwks_uri");
            }
            return uri;
        } catch (IOException | java.text.ParseException e) {
            throw new IllegalStateException("Cannot read " + location + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + location, e);
        }
    }
}
