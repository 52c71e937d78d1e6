package org.eduweek.gateway.security;

import java.time.Duration;
import java.util.List;

import org.eduweek.gateway.config.GatewayProperties;
import org.eduweek.gateway.filter.RequestIdFilter;
import org.eduweek.gateway.security.signin.PortalSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
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
 * rules stay in the services, which validate the same token again. With an OpenID provider configured, the portal's
 * signed-in browsers authenticate with a session instead ({@link PortalSignIn}); without one the chain is stateless.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private static final String[] ORGANIZER_ROLES = { "ORGANIZER", "ADMIN" };
    /** Status only on the public port (details and metrics are on the management port); probes use /livez, /readyz. */
    private static final String[] PUBLIC = { "/actuator/health", "/livez", "/readyz" };
    /**
     * The combined Swagger UI and what it loads: springdoc serves the UI for {@code springdoc.swagger-ui.path}
     * {@code /api/docs} under {@code /api/swagger-ui/} (a sibling of the path, inside the authenticated
     * {@code /api/**}), its configuration under {@code /v3/api-docs/swagger-config}, the services' documents under
     * {@code /api/docs/<service>}. Read-only: nothing else under these paths is public.
     */
    private static final String[] DOCS = { "/api/docs", "/api/docs/**", "/api/swagger-ui/**", "/v3/api-docs",
            "/v3/api-docs/**", "/webjars/**", "/swagger-ui/**", "/swagger-ui.html" };
    private static final String[] PORTAL = { "/", "/index.html", "/favicon.ico", "/*.js", "/*.css", "/*.svg",
            "/*.png", "/*.webmanifest", "/assets/**" };
    private static final String AUTH_ME = "/auth/me";
    /** The organizer console's page (its data calls are not public): web/ConsolePage. */
    private static final String[] CONSOLE = { "/organizer", "/organizer/", "/admin", "/admin/" };
    /** The door check-in page (its data calls are organizer-only). */
    private static final String[] DOOR = { "/checkin", "/checkin.html" };
    /** Reads anyone may make: a session's seats (the programme is public) and a calendar feed (its secret is in the URL). */
    private static final String[] PUBLIC_READS = { "/api/registrations/sessions/*/availability",
            "/api/registrations/sessions/*/availability/stream", "/api/registrations/calendar/*" };
    private static final String[] DEV = { "/api/auth/**", "/api/dev/**", "/.well-known/jwks.json" };

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, GatewayProperties props,
            ReactiveJwtDecoder decoder, Converter<Jwt, Mono<AbstractAuthenticationToken>> converter,
            ObjectProvider<PortalSignIn> signIn) {
        PortalSignIn portal = signIn.getIfAvailable();
        if (portal == null) {
            // Stateless: bearer tokens only, no session, no cookie to protect.
            http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                    .logout(ServerHttpSecurity.LogoutSpec::disable)
                    .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        } else {
            // The portal's OpenID Connect sign-in with a session cookie, CSRF protection and sign-out.
            portal.configure(http);
        }
        String csp = portal == null ? CSP : CSP.replace("form-action 'self'", "form-action 'self' "
                + portal.providerOrigin());
        return http
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                // Spring's CORS filter, in its place, but refusals carry a problem body (ProblemCorsWebFilter).
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .addFilterAt(new ProblemCorsWebFilter(corsSource(props)), SecurityWebFiltersOrder.CORS)
                // Spring's default header set plus CSP and referrer policy, written in one pass (EdgeHeadersWriter).
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .addFilterAt(new HttpHeaderWriterWebFilter(new EdgeHeadersWriter(csp,
                        ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN.getPolicy())),
                        SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                .addFilterBefore(SecurityConfiguration::recordUser, SecurityWebFiltersOrder.AUTHORIZATION)
                .authorizeExchange(ex -> ex.anyExchange().access(new ManagementServerAccess(accessRules(props))))
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenConverter(new BearerTokenConverter(props.queryTokenPaths()))
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationFailureHandler(ProblemSecurityHandlers.bearerTokenFailure())
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
                .build();
    }

    /**
     * No Spring Security observations (one per security filter, plus authentication and authorization): they
     * would double the Micrometer work per request and measure nothing http.server.requests does not already show.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Firewall refusals (WebFilterChainProxy picks this bean up) as problem bodies. */
    @Bean
    ServerExchangeRejectedHandler firewallRejectionProblems() {
        return new FirewallRejectionProblems();
    }

    /** The access log names the caller even when authorization then refuses the request. */
    private static Mono<Void> recordUser(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .doOnNext(p -> exchange.getAttributes().put(RequestIdFilter.USER_ATTRIBUTE, p.getName()))
                .then(chain.filter(exchange));
    }

    /** Access rules, first match wins. */
    static EdgeAccessRules accessRules(GatewayProperties props) {
        EdgeAccessRules.Builder rules = EdgeAccessRules.builder();
        // Organizer rules first: they may name GET paths inside otherwise public prefixes.
        for (GatewayProperties.RoleRule rule : props.organizerOnly()) {
            String[] paths = rule.paths().toArray(String[]::new);
            if (rule.methods().isEmpty()) {
                rules.anyRole(null, ORGANIZER_ROLES, paths);
            } else {
                rule.methods().forEach(m -> rules.anyRole(HttpMethod.valueOf(m), ORGANIZER_ROLES, paths));
            }
        }
        rules.permit(null, PUBLIC);
        rules.permit(HttpMethod.GET, DOCS);
        rules.permit(HttpMethod.HEAD, DOCS);
        rules.anyRole(null, new String[] { "ADMIN" }, "/actuator/**");
        // Internal forward target of the circuit breakers only.
        rules.deny(null, "/fallback/**");
        if (props.devRoutes()) {
            rules.permit(null, DEV);
        }
        rules.permit(HttpMethod.GET, "/api/schedule", "/api/schedule/**");
        rules.permit(HttpMethod.HEAD, "/api/schedule", "/api/schedule/**");
        rules.permit(HttpMethod.GET, PUBLIC_READS);
        rules.authenticated(null, "/api/**", "/.well-known/**");
        // Who is signed in, and sign-out (CSRF-protected when made with the session): PortalSignIn. After /api/**,
        // which they cannot match, so API requests do not test them.
        rules.permit(HttpMethod.GET, AUTH_ME);
        rules.permit(HttpMethod.HEAD, AUTH_ME);
        rules.permit(HttpMethod.POST, "/auth/logout");
        rules.permit(HttpMethod.GET, PORTAL);
        // the organizers' dashboard page (its figures are under /api/analytics/**, organizer-only above)
        rules.permit(HttpMethod.GET, "/dashboard");
        rules.permit(HttpMethod.HEAD, "/dashboard");
        rules.permit(HttpMethod.GET, CONSOLE);
        rules.permit(HttpMethod.GET, DOOR);
        return rules.otherwise(() -> EdgeAccessRules.AUTHENTICATED);
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
