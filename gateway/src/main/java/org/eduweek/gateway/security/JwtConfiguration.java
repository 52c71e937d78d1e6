package org.eduweek.gateway.security;

import java.time.Duration;
import java.util.Collection;

import org.eduweek.gateway.config.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
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

/**
 * The same token rules as every service (platform-support): RS256 only, signature by the JWK set, issuer, audience
 * {@code eduweek}, expiry and lifetime; {@code roles} claim to {@code ROLE_*}. Unsigned ({@code alg: none}) tokens never parse.
 */
@Configuration(proxyBeanMethods = false)
public class JwtConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties props) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(props.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        OAuth2TokenValidator<Jwt> validator = validator(props);
        decoder.setJwtValidator(validator);
        return new CachingJwtDecoder(decoder, validator, Duration.ofMinutes(5), 10_000);
    }

    public static OAuth2TokenValidator<Jwt> validator(SecurityProperties props) {
        return TokenRules.validator(props.issuer(), props.audience(), props.maxLifetime());
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
