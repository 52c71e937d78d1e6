package org.eduweek.gateway.security;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eduweek.gateway.config.OidcProperties;
import org.eduweek.gateway.config.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.util.StringUtils;

import reactor.core.publisher.Mono;

import org.eduweek.platform.tokens.TokenRules;

/**
 * The same token rules as every service (platform-tokens): RS256 only, signature by the issuer's JWK set, issuer,
 * audience {@code eduweek}, expiry and lifetime; {@code roles} claim to {@code ROLE_*}. Unsigned ({@code alg: none})
 * tokens never parse.
 * <p>
 * Which issuers are trusted ({@link #trustedIssuers}):
 * <ul>
 * <li>{@code JWT_ISSUER} with the keys at {@code JWT_JWK_SET_URI} (by default the embedded stack's dev provider,
 * {@value #DEV_ISSUER}) — always in the {@code local} profile, and elsewhere whenever {@code JWT_ISSUER} is set or no
 * OpenID provider is configured (the gateway as it always was);</li>
 * <li>{@code OIDC_ISSUER_URI} when set, with the keys named by its discovery document ({@code jwks_uri}), read on
 * the first token it signed, so the gateway starts while the provider is still down.</li>
 * </ul>
 * So outside {@code local} a gateway configured with only {@code OIDC_ISSUER_URI} trusts that provider alone, never
 * the development default.
 */
@Configuration(proxyBeanMethods = false)
public class JwtConfiguration {

    static final String DEV_ISSUER = "http://127.0.0.1:8090";
    static final String DEV_JWK_SET_URI = DEV_ISSUER + "/.well-known/jwks.json";

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties props, OidcProperties oidc, Environment env) {
        TrustedIssuers trusted = trustedIssuers(props, oidc, env.acceptsProfiles(Profiles.of("local")));
        return new CachingJwtDecoder(trusted, trusted, Duration.ofMinutes(5), 10_000);
    }

    static TrustedIssuers trustedIssuers(SecurityProperties props, OidcProperties oidc, boolean local) {
        Map<String, TrustedIssuers.Issuer> issuers = new LinkedHashMap<>();
        if (local || !oidc.enabled() || StringUtils.hasText(props.issuer())) {
            String issuer = StringUtils.hasText(props.issuer()) ? props.issuer() : DEV_ISSUER;
            String jwkSetUri = StringUtils.hasText(props.jwkSetUri()) ? props.jwkSetUri() : DEV_JWK_SET_URI;
            issuers.put(issuer, issuer(NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri), issuer, props));
        }
        if (oidc.enabled()) {
            issuers.putIfAbsent(oidc.issuerUri(),
                    issuer(NimbusReactiveJwtDecoder.withIssuerLocation(oidc.issuerUri()), oidc.issuerUri(), props));
        }
        return new TrustedIssuers(issuers);
    }

    private static TrustedIssuers.Issuer issuer(NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder builder,
            String issuer, SecurityProperties props) {
        NimbusReactiveJwtDecoder decoder = builder.jwsAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> validator = TokenRules.validator(issuer, props.audience(), props.maxLifetime());
        decoder.setJwtValidator(validator);
        return new TrustedIssuers.Issuer(decoder, validator);
    }

    @Bean
    Converter<Jwt, Mono<AbstractAuthenticationToken>> jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(JwtConfiguration::roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    static Collection<GrantedAuthority> roles(Jwt jwt) {
        return TokenRules.authorities(jwt);
    }
}
