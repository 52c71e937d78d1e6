package org.eduweek.platform.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import org.eduweek.platform.tokens.TokenRules;

/**
 * Where tokens come from and which requests need none. {@code issuer} ({@code JWT_ISSUER}) and {@code jwkSetUri}
 * ({@code JWT_JWK_SET_URI}) have no default here: which issuers are trusted when they are empty is
 * {@link org.eduweek.platform.tokens.TrustedIssuers}' rule (the dev provider in the local profile, nothing elsewhere). {@code maxLifetime}
 * ({@code JWT_MAX_LIFETIME}) is the longest a token may live, from {@code iat} to {@code exp}.
 * {@code oidcIssuerUri} ({@code OIDC_ISSUER_URI}) is the provider people sign in with; in the {@code local} profile
 * its tokens are trusted besides the dev provider's ({@link org.eduweek.platform.tokens.TrustedIssuers}).
 */
@ConfigurationProperties("eduweek.security")
public record EduweekSecurityProperties(
        String jwkSetUri,
        String issuer,
        String audience,
        List<String> publicPaths,
        List<String> publicGetPaths,
        Duration maxLifetime,
        String oidcIssuerUri) {

    public EduweekSecurityProperties {
        jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? null : jwkSetUri.trim();
        issuer = issuer == null || issuer.isBlank() ? null : issuer.trim();
        audience = audience == null ? "eduweek" : audience;
        publicPaths = publicPaths == null ? List.of() : publicPaths;
        publicGetPaths = publicGetPaths == null ? List.of() : publicGetPaths;
        maxLifetime = maxLifetime == null ? TokenRules.DEFAULT_MAX_LIFETIME : maxLifetime;
        oidcIssuerUri = oidcIssuerUri == null || oidcIssuerUri.isBlank() ? null : oidcIssuerUri.trim();
    }
}
