package org.eduweek.platform.tokens;

import java.time.Duration;
import java.util.List;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A blocking {@link JwtDecoder} that accepts tokens of several issuers ({@link TrustedIssuers}): RS256 only, each
 * token verified against its own issuer's keys and held to {@link TokenRules} with that issuer.
 */
public final class MultiIssuerJwtDecoder implements JwtDecoder {

    private final IssuerRouter<JwtDecoder> router;

    public MultiIssuerJwtDecoder(List<TrustedIssuer> issuers, String audience, Duration maxLifetime) {
        this.router = new IssuerRouter<>(issuers, issuer -> decoderFor(issuer, audience, maxLifetime));
    }

    /** The single-issuer decoder the router builds: also what a one-issuer component uses directly. */
    public static NimbusJwtDecoder decoderFor(TrustedIssuer issuer, String audience, Duration maxLifetime) {
        String jwkSetUri = issuer.usesDiscovery() ? OidcDiscovery.jwkSetUri(issuer.issuer()) : issuer.jwkSetUri();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(TokenRules.validator(issuer.issuer(), audience, maxLifetime));
        return decoder;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        JwtDecoder decoder;
        try {
            decoder = router.decoderFor(token);
        } catch (IllegalStateException e) {
            // the issuer's discovery document could not be read (provider down or misconfigured): like an
            // unreachable JWK set, no token of that issuer can be checked now
            throw new JwtException("The token's issuer cannot be reached to check it: " + e.getMessage(), e);
        }
        return decoder.decode(token);
    }
}
