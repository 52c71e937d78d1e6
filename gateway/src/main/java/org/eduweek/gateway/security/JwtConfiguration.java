package org.eduweek.gateway.security;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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

import reactor.core.publisher.Mono;

import org.eduweek.platform.tokens.TokenRules;
import org.eduweek.platform.tokens.TrustedIssuer;
import org.eduweek.platform.tokens.TrustedIssuers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same token rules as every service (platform-tokens): RS256 only, signature by the issuer's JWK set, issuer,
 * audience {@code eduweek}, expiry and lifetime; {@code roles} claim to {@code ROLE_*}. Unsigned ({@code alg: none})
 * tokens never parse.
 * <p>
 * Which issuers are trusted is the services' rule too, {@link TrustedIssuers} in platform-tokens: in {@code local}
 * the configured issuer (by default the embedded stack's dev provider) and the sign-in provider
 * ({@code OIDC_ISSUER_URI}) beside it; elsewhere exactly {@code JWT_ISSUER}, or {@code OIDC_ISSUER_URI} when that is
 * not set, and no start at all with neither. An issuer without {@code JWT_JWK_SET_URI} has its keys found through
 * its discovery document, read on the first token it signed, so the gateway starts while the provider is down.
 */
@Configuration(proxyBeanMethods = false)
public class JwtConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtConfiguration.class);

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties props, OidcProperties oidc, Environment env) {
        IssuerRoutingDecoder trusted = trustedIssuers(props, oidc, env.acceptsProfiles(Profiles.of("local")));
        return new CachingJwtDecoder(trusted, trusted, Duration.ofMinutes(5), 10_000);
    }

    static IssuerRoutingDecoder trustedIssuers(SecurityProperties props, OidcProperties oidc, boolean local) {
        List<TrustedIssuer> trusted = TrustedIssuers.resolve(props.issuer(), props.jwkSetUri(), oidc.issuerUri(),
                local);
        log.info("Trusting bearer tokens of {}", trusted);
        Map<String, IssuerRoutingDecoder.Issuer> issuers = new LinkedHashMap<>();
        for (TrustedIssuer issuer : trusted) {
            issuers.put(issuer.issuer(), issuer(issuer.usesDiscovery()
                    ? NimbusReactiveJwtDecoder.withIssuerLocation(issuer.issuer())
                    : NimbusReactiveJwtDecoder.withJwkSetUri(issuer.jwkSetUri()), issuer.issuer(), props));
        }
        return new IssuerRoutingDecoder(issuers);
    }

    private static IssuerRoutingDecoder.Issuer issuer(NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder builder,
            String issuer, SecurityProperties props) {
        NimbusReactiveJwtDecoder decoder = builder.jwsAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> validator = TokenRules.validator(issuer, props.audience(), props.maxLifetime());
        decoder.setJwtValidator(validator);
        return new IssuerRoutingDecoder.Issuer(decoder, validator);
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
