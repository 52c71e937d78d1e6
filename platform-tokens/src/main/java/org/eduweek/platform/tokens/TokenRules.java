package org.eduweek.platform.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What makes a token acceptable to eduweek (docs/CONTRACTS.md, "Identity"), in one place for the gateway and every
 * service: the default checks (expiry, not-before) plus our issuer, our audience, a lifetime rule, and the
 * {@code roles} claim read as {@code ROLE_*} authorities. The signature check (RS256 against the JWK set) belongs to
 * the decoder each side builds, servlet or reactive.
 * <p>
 * The lifetime rule: {@code exp} is required (a token without one would be valid forever), a token issued in the
 * future beyond the clock skew is refused (its clock, or its issuer, is wrong), and no token may live longer than
 * the maximum lifetime ({@code JWT_MAX_LIFETIME}, 24 h by default): a leaked token is worth a day at most.
 */
public final class TokenRules {

    public static final String ROLES_CLAIM = "roles";
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(24);
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private TokenRules() {
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return validator(issuer, audience, DEFAULT_MAX_LIFETIME, Clock.systemUTC());
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration maxLifetime) {
        return validator(issuer, audience, maxLifetime, Clock.systemUTC());
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration maxLifetime,
            Clock clock) {
        return rules(JwtValidators.createDefaultWithIssuer(issuer), audience, maxLifetime, clock);
    }

    /**
     * The same rules with any of several issuers (exact {@code iss} match): for re-checking a token that one of the
     * issuers' own decoders has verified before, e.g. one taken from a cache of verified tokens.
     */
    public static OAuth2TokenValidator<Jwt> validator(Collection<String> issuers, String audience,
            Duration maxLifetime, Clock clock) {
        Set<String> trusted = Set.copyOf(issuers);
        OAuth2TokenValidator<Jwt> issuerCheck = jwt -> trusted.contains(jwt.getClaimAsString("iss"))
                ? OAuth2TokenValidatorResult.success()
                : failure("The token's issuer (iss) is not trusted");
        return rules(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), issuerCheck), audience,
                maxLifetime, clock);
    }

    private static OAuth2TokenValidator<Jwt> rules(OAuth2TokenValidator<Jwt> defaultsAndIssuer, String audience,
            Duration maxLifetime, Clock clock) {
        OAuth2TokenValidator<Jwt> audienceCheck = jwt -> jwt.getAudience() != null
                && jwt.getAudience().contains(audience)
                        ? OAuth2TokenValidatorResult.success()
                        : failure("The token is not meant for audience " + audience);
        Duration lifetime = maxLifetime == null || maxLifetime.isNegative() || maxLifetime.isZero()
                ? DEFAULT_MAX_LIFETIME : maxLifetime;
        return new DelegatingOAuth2TokenValidator<>(defaultsAndIssuer, audienceCheck,
                jwt -> lifetime(jwt, lifetime, clock.instant()));
    }

    static OAuth2TokenValidatorResult lifetime(Jwt jwt, Duration maxLifetime, Instant now) {
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return failure("The token has no expiry (exp)");
        }
        Instant issued = jwt.getIssuedAt();
        if (issued != null && issued.isAfter(now.plus(CLOCK_SKEW))) {
            return failure("The token is issued in the future (iat)");
        }
        Instant notBefore = jwt.getNotBefore();
        if (notBefore != null && notBefore.isAfter(now.plus(CLOCK_SKEW))) {
            return failure("The token is not valid yet (nbf)");
        }
        Instant from = issued != null ? issued : now;
        if (Duration.between(from, expires).compareTo(maxLifetime.plus(CLOCK_SKEW)) > 0) {
            return failure("The token lives longer than " + maxLifetime.toHours() + " h");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }

    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        if (roles == null) {
            return List.of();
        }
        return roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }
}
