package org.eduweek.gateway.filter;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Outermost filter: gives every request a correlation id ({@code X-Request-Id}; a client's own is kept only when it
 * is short and made of safe characters, so it cannot inject into logs or headers), sends it to the service and back
 * to the client, and writes one access log line per request when the response ends (SSE: when the stream ends).
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = "eduweek.requestId";
    /** The authenticated caller (JWT sub), set inside the security chain once the token is validated. */
    public static final String USER_ATTRIBUTE = "eduweek.user";
    /** The client's path, kept for problem bodies written after a forward (circuit breaker fallback). */
    public static final String PATH_ATTRIBUTE = "eduweek.path";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Logger ACCESS = LoggerFactory.getLogger("eduweek.gateway.access");

    /** Named by DefaultWebFilterChain in a checkpoint per request: a constant, not Object's class@hash string. */
    @Override
    public String toString() {
        return "RequestIdFilter";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        String id = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (id == null || !SAFE.matcher(id).matches()) {
            id = randomId();
        }
        String requestId = id;
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        exchange.getAttributes().put(PATH_ATTRIBUTE, exchange.getRequest().getPath().value());
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        // Backends echo the id too: keep a single value.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(withRequestId(exchange, requestId)).doFinally(signal -> log(exchange, requestId, started));
    }

    /**
     * The request as the service will see it, carrying the id. On Reactor Netty the header is set in the incoming
     * request's own (mutable) header map, which Spring's read-only view shows as is: {@code request.mutate()}
     * copied every header into a new map on every request.
     */
    private static ServerWebExchange withRequestId(ServerWebExchange exchange, String requestId) {
        ServerHttpRequest request = exchange.getRequest();
        if (request instanceof AbstractServerHttpRequest
                && ((AbstractServerHttpRequest) request).getNativeRequest() instanceof HttpServerRequest netty) {
            netty.requestHeaders().set(HEADER, requestId);
            return exchange;
        }
        return exchange.mutate().request(request.mutate().headers(h -> h.set(HEADER, requestId)).build()).build();
    }

    /**
     * A version-4 UUID from ThreadLocalRandom: a correlation id needs to be unique, not unguessable, and
     * {@code UUID.randomUUID()} serializes every request on the shared SecureRandom.
     */
    static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static void log(ServerWebExchange exchange, String requestId, long started) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        Object user = exchange.getAttributes().getOrDefault(USER_ATTRIBUTE, "-");
        ACCESS.info("{} {} {} {}ms user={} requestId={}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), status == null ? 200 : status.value(),
                (System.nanoTime() - started) / 1_000_000, user, requestId);
    }
}
