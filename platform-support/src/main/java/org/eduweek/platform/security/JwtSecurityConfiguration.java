package org.eduweek.platform.security;

import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.support.WebApplicationContextUtils;

import org.eduweek.platform.tokens.MultiIssuerJwtDecoder;
import org.eduweek.platform.tokens.TokenRules;
import org.eduweek.platform.tokens.TrustedIssuer;
import org.eduweek.platform.tokens.TrustedIssuers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every service validates the gateway's tokens again (defense in depth): RS256 only, signature by the JWK set,
 * issuer, audience {@code eduweek}, expiry; in the {@code local} profile the dev provider's and the sign-in
 * provider's tokens alike. Authorization beyond "authenticated" is the services' own,
 * with {@code @PreAuthorize} on controllers and ownership checks in code.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(EduweekSecurityProperties.class)
@EnableMethodSecurity
public class JwtSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtSecurityConfiguration.class);

    /**
     * On the public port: the probes (status only) and the API documentation. Metrics and health details are on the
     * management port; should an operator put them on the public port anyway, they need an ADMIN token there.
     */
    private static final List<String> ALWAYS_PUBLIC = List.of("/livez", "/readyz", "/v3/api-docs/**", "/v3/api-docs",
            "/swagger-ui/**", "/swagger-ui.html", "/error");

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(EduweekSecurityProperties props, Environment environment) {
        return decoder(props, environment.matchesProfiles("local"));
    }

    /**
     * The issuers of {@link TrustedIssuers}' rule (which refuses to start outside {@code local} with none
     * configured). One issuer with its JWK set: a plain decoder on it. In the {@code local} profile with a sign-in provider
     * ({@code OIDC_ISSUER_URI}): tokens of either issuer, each checked against its own keys
     * ({@link MultiIssuerJwtDecoder}); keys found by discovery are looked up when the issuer's first token arrives,
     * so a service starts whether or not that provider is up yet.
     */
    static JwtDecoder decoder(EduweekSecurityProperties props, boolean localProfile) {
        List<TrustedIssuer> issuers = TrustedIssuers.resolve(props.issuer(), props.jwkSetUri(), props.oidcIssuerUri(),
                localProfile);
        log.info("Trusting bearer tokens of {}", issuers);
        if (issuers.size() == 1 && !issuers.get(0).usesDiscovery()) {
            return MultiIssuerJwtDecoder.decoderFor(issuers.get(0), props.audience(), props.maxLifetime());
        }
        return new MultiIssuerJwtDecoder(issuers, props.audience(), props.maxLifetime());
    }

    public static OAuth2TokenValidator<Jwt> validator(EduweekSecurityProperties props) {
        return TokenRules.validator(props.issuer(), props.audience(), props.maxLifetime());
    }

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(JwtSecurityConfiguration::roles);
        return converter;
    }

    static Collection<GrantedAuthority> roles(Jwt jwt) {
        return TokenRules.authorities(jwt);
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain eduweekSecurityFilterChain(HttpSecurity http, EduweekSecurityProperties props,
            JwtAuthenticationConverter converter) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a stateless API: no login page to return to after authentication, no session to log out of
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(JwtSecurityConfiguration::onManagementServer).permitAll();
                    auth.requestMatchers(ALWAYS_PUBLIC.toArray(String[]::new)).permitAll();
                    props.publicPaths().forEach(p -> auth.requestMatchers(p).permitAll());
                    props.publicGetPaths().forEach(p -> auth.requestMatchers(HttpMethod.GET, p).permitAll());
                    auth.requestMatchers("/actuator", "/actuator/**").hasRole("ADMIN");
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden())
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(ProblemSecurityHandlers.bearerTokenFailure());
                                return filter;
                            }
                        }))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden()));
        return http.build();
    }

    /**
     * Whether the request came in on the management server ({@code management.server.port}: metrics, health
     * details). That server is its own listener on loopback or a cluster-internal address, so whoever reaches it is
     * the operator or Prometheus: everything on it is open. Boot runs this same filter chain there too.
     */
    static boolean onManagementServer(HttpServletRequest request) {
        return WebServerApplicationContext.hasServerNamespace(
                WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()), "management");
    }

    /**
     * No Spring Security observations at all: {@code management.observations.enable.spring.security=false} only
     * turns them into no-ops, while every security filter, the authentication manager and the authorization managers
     * stay wrapped in their observation decorators, a cost on every request. http.server.requests still times
     * every request, with its status.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
