package org.eduweek.gateway.filter;

import org.eduweek.gateway.config.GatewayProperties;
import org.eduweek.gateway.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects oversized bodies before anything reads them. With a {@code Content-Length} the check is immediate; a
 * chunked body is read up to the limit first (at most the limit per request in memory), because failing it half-way
 * through the proxy would look like a broken service to the circuit breaker.
 */
@Component
public class BodySizeLimitFilter implements WebFilter, Ordered {

    private final long limit;

    public BodySizeLimitFilter(GatewayProperties props) {
        this.limit = props.maxBodySize().toBytes();
    }

    /** Named by DefaultWebFilterChain in a checkpoint per request: a constant, not Object's class@hash string. */
    @Override
    public String toString() {
        return "BodySizeLimitFilter";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long length = headers.getContentLength();
        if (length > limit) {
            return tooLarge(exchange);
        }
        if (length >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), (int) Math.min(Integer.MAX_VALUE, limit))
                .map(joined -> {
                    byte[] bytes = new byte[joined.readableByteCount()];
                    joined.read(bytes);
                    DataBufferUtils.release(joined);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> chain.filter(exchange.mutate().request(replay(exchange.getRequest(), bytes))
                        .build()))
                .onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange));
    }

    /** The body read once, offered again to the filters and the proxy behind this one. */
    static ServerHttpRequest replay(ServerHttpRequest request, byte[] bytes) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)));
            }
        };
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Content Too Large",
                "The request body exceeds the limit of " + limit + " bytes.");
    }
}
