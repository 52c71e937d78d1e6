package org.eduweek.gateway.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Local profile only ({@code eduweek.gateway.dev-routes=true} in application-local.yml): the embedded stack's dev
 * identity provider and mail/SMS captures, and only for a caller on this machine (the TCP peer is a loopback
 * address; forwarded headers are not read); anyone else gets 404, whatever the gateway is bound to. Declared in code
 * because a profile's YAML would replace, not extend, the route list of application.yml.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "eduweek.gateway.dev-routes", havingValue = "true")
public class StackRoutes {

    static final String[] LOOPBACK = { "127.0.0.0/8", "::1/128" };

    @Bean
    RouteLocator stackRouteLocator(RouteLocatorBuilder routes, GatewayProperties props) {
        return routes.routes()
                .route("stack", r -> r.path("/api/auth/**", "/api/dev/**", "/.well-known/jwks.json")
                        .and().remoteAddr(LOOPBACK)
                        .filters(f -> f.circuitBreaker(c -> c.setName("stack").setFallbackUri("forward:/fallback/stack")))
                        .uri(props.stackUrl()))
                .build();
    }
}
