package org.eduweek.gateway.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Local profile only ({@code eduweek.gateway.dev-routes=true} in application-local.yml): the embedded stack's dev
 * identity provider and mail/SMS captures. Declared in code because a profile's YAML would replace, not extend, the
 * route list of application.yml.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "eduweek.gateway.dev-routes", havingValue = "true")
public class StackRoutes {

    @Bean
    RouteLocator stackRouteLocator(RouteLocatorBuilder routes, GatewayProperties props) {
        return routes.routes()
                .route("stack", r -> r.path("/api/auth/**", "/api/dev/**", "/.well-known/jwks.json")
                        .filters(f -> f.circuitBreaker(c -> c.setName("stack").setFallbackUri("forward:/fallback/stack")))
                        .uri(props.stackUrl()))
                .build();
    }
}
