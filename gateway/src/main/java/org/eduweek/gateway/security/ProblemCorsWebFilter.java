package org.eduweek.gateway.security;

import org.eduweek.gateway.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Spring's {@code CorsWebFilter} with a problem body on refusal: the same processor decides (allowed origins,
 * methods and headers, the {@code Vary} and {@code Access-Control-*} headers), but a refused preflight or request
 * gets a 403 {@code cors-origin-refused} problem where Spring ends the response with an empty body.
 */
final class ProblemCorsWebFilter implements WebFilter {

    private final CorsConfigurationSource source;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    ProblemCorsWebFilter(CorsConfigurationSource source) {
        this.source = source;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!processor.process(source.getCorsConfiguration(exchange), exchange)) {
            return Problems.write(exchange, HttpStatus.FORBIDDEN, "cors-origin-refused", "Forbidden",
                    "Cross-origin requests from this origin, or with this method or these headers, are not allowed.");
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty();
        }
        return chain.filter(exchange);
    }

    @Override
    public String toString() {
        return "ProblemCorsWebFilter";
    }
}
