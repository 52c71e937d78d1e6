package org.eduweek.gateway.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

import org.eduweek.platform.tokens.IssuerRouter;

/**
 * Bearer tokens from one or several identity providers, each checked with its own keys and its own copy of the token
 * rules (issuer, audience, expiry, lifetime). The unverified {@code iss} only chooses which provider checks the
 * token; a token naming an issuer that is not trusted is refused before any key is fetched. With one provider the
 * token goes straight to it, exactly as a single decoder would handle it. The services do the same with
 * {@link IssuerRouter}; the gateway keeps each issuer's rules beside its decoder for {@link CachingJwtDecoder}.
 */
final class IssuerRoutingDecoder implements ReactiveJwtDecoder, OAuth2TokenValidator<Jwt> {

    /** One provider: its signature check (the decoder, which runs the validator too) and its rules. */
    record Issuer(ReactiveJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
    }

    private static final OAuth2TokenValidatorResult UNTRUSTED = OAuth2TokenValidatorResult
            .failure(new OAuth2Error("invalid_token", "The token's issuer is not trusted", null));

    private final Map<String, Issuer> byIssuer;
    private final Issuer only;

    IssuerRoutingDecoder(Map<String, Issuer> byIssuer) {
        if (byIssuer.isEmpty()) {
            throw new IllegalArgumentException("At least one trusted issuer is needed");
        }
        this.byIssuer = new LinkedHashMap<>(byIssuer);
        this.only = byIssuer.size() == 1 ? byIssuer.values().iterator().next() : null;
    }

    Set<String> issuers() {
        return byIssuer.keySet();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return route(token).onErrorMap(e -> !(e instanceof JwtException),
                // the issuer's keys could not be read (Spring's reactive decoder reports that as a bare
                // IllegalStateException): the token cannot be checked now, which is not the caller's fault
                e -> new JwtException("The token's issuer cannot be reached to check it", e));
    }

    private Mono<Jwt> route(String token) {
        if (only != null) {
            return only.decoder().decode(token);
        }
        String issuer;
        try {
            issuer = IssuerRouter.issuerOf(token);
        } catch (BadJwtException e) {
            return Mono.error(e);
        }
        Issuer trusted = issuer == null ? null : byIssuer.get(issuer);
        if (trusted == null) {
            return Mono.error(new BadJwtException("The token's issuer is not trusted"));
        }
        return trusted.decoder().decode(token);
    }

    /** The rules of the token's own issuer (for tokens checked before, see {@link CachingJwtDecoder}). */
    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Issuer trusted = only != null ? only : byIssuer.get(jwt.getClaimAsString(JwtClaimNames.ISS));
        return trusted == null ? UNTRUSTED : trusted.validator().validate(jwt);
    }

    @Override
    public String toString() {
        return "IssuerRoutingDecoder" + List.copyOf(byIssuer.keySet());
    }
}
