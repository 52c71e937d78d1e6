package org.eduweek.gateway.security;

import java.util.List;

import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The built security chain, each filter given a constant name. WebFlux's DefaultWebFilterChain checkpoints every
 * filter with its {@code toString()} on every request, and Spring Security's filters inherit Object's, which builds
 * a "class@hash" string each time: a dozen needless strings per request.
 */
final class NamedFilterChain implements SecurityWebFilterChain {

    private final SecurityWebFilterChain delegate;
    private final List<WebFilter> filters;

    NamedFilterChain(SecurityWebFilterChain delegate) {
        this.delegate = delegate;
        List<WebFilter> built = delegate.getWebFilters().collectList().block();
        this.filters = built == null ? List.of() : built.stream().<WebFilter>map(Named::new).toList();
    }

    @Override
    public Mono<Boolean> matches(ServerWebExchange exchange) {
        return delegate.matches(exchange);
    }

    @Override
    public Flux<WebFilter> getWebFilters() {
        return Flux.fromIterable(filters);
    }

    private record Named(WebFilter filter, String name) implements WebFilter {

        Named(WebFilter filter) {
            this(filter, filter.getClass().getName());
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return filter.filter(exchange, chain);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
