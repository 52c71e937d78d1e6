package org.eduweek.gateway.security;

import java.time.Duration;
import java.util.List;

import org.eduweek.gateway.config.GatewayProperties;
import org.eduweek.gateway.filter.RequestIdFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Authentication and coarse authorization at the edge. A bearer token that is present but invalid is rejected on
 * every path, public ones included (the resource server filter runs before authorization). Ownership and the fine
 * rules stay in the services, which validate the same token again.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private static final String[] ORGANIZER_ROLES = { "ORGANIZER", "ADMIN" };
    private static final String[] PUBLIC = { "/actuator/health", "/actuator/health/**", "/api/docs", "/api/docs/**",
            "/v3/api-docs", "/v3/api-docs/**", "/webjars/**", "/swagger-ui/**", "/swagger-ui.html" };
    private static final String[] PORTAL = { "/", "/index.html", "/favicon.ico", "/*.js", "/*.css", "/*.svg",
            "/*.png", "/*.webmanifest", "/assets/**" };
    private static final String[] DEV = { "/api/auth/**", "/api/dev/**", "/.well-known/jwks.json" };

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, GatewayProperties props,
            ReactiveJwtDecoder decoder, Converter<Jwt, Mono<AbstractAuthenticationToken>> converter) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(c -> c.configurationSource(corsSource(props)))
                .headers(h -> h
                        .frameOptions(f -> f.mode(Mode.DENY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .hsts(s -> s.maxAge(Duration.ofDays(365)).includeSubdomains(true)))
                .addFilterBefore(SecurityConfiguration::recordUser, SecurityWebFiltersOrder.AUTHORIZATION)
                .authorizeExchange(ex -> authorize(ex, props))
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenConverter(new BearerTokenConverter(props.queryTokenPaths()))
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
                .build();
    }

    /** The access log names the caller even when authorization then refuses the request. */
    private static Mono<Void> recordUser(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .doOnNext(p -> exchange.getAttributes().put(RequestIdFilter.USER_ATTRIBUTE, p.getName()))
                .then(chain.filter(exchange));
    }

    private static void authorize(AuthorizeExchangeSpec ex, GatewayProperties props) {
        // Organizer rules first: they may name GET paths inside otherwise public prefixes.
        for (GatewayProperties.RoleRule rule : props.organizerOnly()) {
            String[] paths = rule.paths().toArray(String[]::new);
            if (rule.methods().isEmpty()) {
                ex.pathMatchers(paths).hasAnyRole(ORGANIZER_ROLES);
            } else {
                rule.methods().forEach(m -> ex.pathMatchers(HttpMethod.valueOf(m), paths)
                        .hasAnyRole(ORGANIZER_ROLES));
            }
        }
        ex.pathMatchers(PUBLIC).permitAll();
        if (props.publicPrometheus()) {
            ex.pathMatchers("/actuator/prometheus").permitAll();
        }
        ex.pathMatchers("/actuator/**").hasRole("ADMIN");
        // Internal forward target of the circuit breakers only.
        ex.pathMatchers("/fallback/**").denyAll();
        if (props.devRoutes()) {
            ex.pathMatchers(DEV).permitAll();
        }
        ex.pathMatchers(HttpMethod.GET, "/api/schedule", "/api/schedule/**").permitAll();
        ex.pathMatchers(HttpMethod.HEAD, "/api/schedule", "/api/schedule/**").permitAll();
        ex.pathMatchers("/api/**", "/.well-known/**").authenticated();
        ex.pathMatchers(HttpMethod.GET, PORTAL).permitAll();
        ex.anyExchange().authenticated();
    }

    static CorsConfigurationSource corsSource(GatewayProperties props) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(props.portalOrigins().stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language",
                "Idempotency-Key", "X-Request-Id", "Last-Event-ID"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Location", "Retry-After", "X-RateLimit-Remaining"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        source.registerCorsConfiguration("/.well-known/**", cors);
        return source;
    }
}
