package org.eduweek.gateway.web;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.ReactiveHealthEndpointWebExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /actuator/health} on the public port: the gateway's overall status and nothing else
 * ({@code {"status":"UP"}}, 503 when down). The endpoint itself, with its details, lives on the management port
 * ({@code MANAGEMENT_PORT}) with the metrics; uptime checks from outside keep the public address.
 */
@Configuration(proxyBeanMethods = false)
public class PublicHealth {

    @Bean
    RouterFunction<ServerResponse> publicHealthStatus(ReactiveHealthEndpointWebExtension health) {
        return RouterFunctions.route(RequestPredicates.GET("/actuator/health")
                .or(RequestPredicates.HEAD("/actuator/health")),
                request -> health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, false)
                        .flatMap(answer -> ServerResponse.status(answer.getStatus())
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("status", answer.getBody().getStatus().getCode()))));
    }
}
