package org.eduweek.gateway.filter;

import java.util.Optional;

import org.eduweek.gateway.config.GatewayProperties;
import org.eduweek.gateway.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * NoSQL operator injection guard: JSON bodies sent to {@code /api/**} may not carry {@code $}-prefixed keys or keys
 * with a dot at any depth (400 problem). The body is read once (bounded by the body limit) and replayed downstream.
 * Shape checks beyond keys (an object where a string belongs) are the services' own.
 */
@Component
public class JsonGuardFilter implements WebFilter, Ordered {

    private final int limit;

    public JsonGuardFilter(GatewayProperties props) {
        this.limit = (int) Math.min(Integer.MAX_VALUE, props.maxBodySize().toBytes());
    }

    /** Named by DefaultWebFilterChain in a checkpoint per request: a constant, not Object's class@hash string. */
    @Override
    public String toString() {
        return "JsonGuardFilter";
    }

    @Override
    public int getOrder() {
        return 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!applies(request)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), limit)
                .map(joined -> {
                    byte[] bytes = new byte[joined.readableByteCount()];
                    joined.read(bytes);
                    DataBufferUtils.release(joined);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> {
                    Optional<String> unsafe = JsonKeyGuard.firstUnsafeKey(bytes);
                    if (unsafe.isPresent()) {
                        return Problems.write(exchange, HttpStatus.BAD_REQUEST, "validation", "Bad Request",
                                "Property names may not start with '$' or contain '.': " + abbreviate(unsafe.get()));
                    }
                    return chain.filter(exchange.mutate().request(BodySizeLimitFilter.replay(request, bytes))
                            .build());
                })
                .onErrorResume(DataBufferLimitException.class, e -> Problems.write(exchange,
                        HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Content Too Large",
                        "The request body exceeds the limit of " + limit + " bytes."));
    }

    private static boolean applies(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        if (!(HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method) || HttpMethod.PATCH.equals(method))) {
            return false;
        }
        if (!request.getPath().value().startsWith("/api/")) {
            return false;
        }
        MediaType type = request.getHeaders().getContentType();
        return type == null || type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || (type.getSubtypeSuffix() != null && type.getSubtypeSuffix().equals("json"));
    }

    private static String abbreviate(String key) {
        String safe = key.replaceAll("[^\\p{Print}]", "?");
        return safe.length() > 64 ? safe.substring(0, 64) + "…" : safe;
    }
}
