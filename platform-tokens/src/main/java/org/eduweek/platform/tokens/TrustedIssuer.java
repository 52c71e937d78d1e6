package org.eduweek.platform.tokens;

/**
 * An issuer whose tokens eduweek accepts, and where its signing keys are published: {@code jwkSetUri} when given,
 * else the {@code jwks_uri} of the issuer's OpenID Connect discovery document
 * ({@code <issuer>/.well-known/openid-configuration}), read when the first token of that issuer arrives.
 */
public record TrustedIssuer(String issuer, String jwkSetUri) {

    public TrustedIssuer {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("A trusted issuer needs its iss value");
        }
        issuer = issuer.trim();
        jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? null : jwkSetUri.trim();
    }

    /** An OpenID Connect provider (Keycloak, a university SSO): keys found through its discovery document. */
    public static TrustedIssuer discovered(String issuer) {
        return new TrustedIssuer(issuer, null);
    }

    public boolean usesDiscovery() {
        return jwkSetUri == null;
    }

    @Override
    public String toString() {
        return issuer + (usesDiscovery() ? " (keys by OpenID discovery)" : " (keys at " + jwkSetUri + ")");
    }
}
