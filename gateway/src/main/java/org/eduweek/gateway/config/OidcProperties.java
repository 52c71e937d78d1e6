package org.eduweek.gateway.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's OpenID Connect sign-in. Everything is off while {@code issuerUri} ({@code OIDC_ISSUER_URI}) is empty:
 * the gateway then only validates bearer tokens, as it always has.
 *
 * @param issuerUri    the provider's issuer, e.g. {@code https://sso.example.edu/realms/eduweek}; its metadata is read
 *                     from {@code <issuer>/.well-known/openid-configuration} when first needed
 * @param clientId     the portal's client at the provider ({@code OIDC_CLIENT_ID})
 * @param clientSecret its secret ({@code OIDC_CLIENT_SECRET}); the client is confidential and still uses PKCE
 * @param scopes       requested at sign-in
 * @param refreshAhead an access token this close to its expiry is refreshed before it is relayed
 * @param signInsPerMinute sign-ins a client IP may start per minute on one instance (each holds a session)
 */
@ConfigurationProperties("eduweek.security.oidc")
public record OidcProperties(
        String issuerUri,
        @DefaultValue("eduweek-portal") String clientId,
        String clientSecret,
        @DefaultValue({ "openid", "profile", "email" }) List<String> scopes,
        @DefaultValue("60s") Duration refreshAhead,
        @DefaultValue("60") long signInsPerMinute) {

    /** The registration id in the sign-in paths ({@code /oauth2/authorization/keycloak}). */
    public static final String REGISTRATION_ID = "keycloak";

    public OidcProperties {
        issuerUri = issuerUri == null ? "" : issuerUri.trim();
        clientSecret = clientSecret == null ? "" : clientSecret;
    }

    public boolean enabled() {
        return !issuerUri.isEmpty();
    }
}
