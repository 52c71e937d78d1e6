package org.eduweek.gateway.limits;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eduweek.gateway.config.GatewayProperties;
import org.eduweek.gateway.filter.RequestIdFilter;
import org.eduweek.gateway.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/**
 * Token buckets per caller: the JWT {@code sub} when authenticated, the client IP otherwise. Runs after Spring
 * Security (order 0 > -100) so the principal is known, and before the JSON guard so floods are cut before any body is
 * read. The bucket store is in memory by default and Redis when configured ({@link RateLimitConfiguration}).
 */
@Component
public class RateLimitFilter implements WebFilter, Ordered {

    private final List<RateLimitRule> rules;
    private final BucketStore buckets;

    public RateLimitFilter(GatewayProperties props, BucketStore buckets) {
        this.rules = props.rateLimits().entrySet().stream().map(e -> RateLimitRule.of(e.getKey(), e.getValue()))
                .toList();
        this.buckets = buckets;
    }

    @Override
    public int getOrder() {
        return 0;
    }

    /** Named by DefaultWebFilterChain in a checkpoint per request: a constant, not Object's class@hash string. */
    @Override
    public String toString() {
        return "RateLimitFilter";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RateLimitRule rule = rule(exchange);
        if (rule == null) {
            return chain.filter(exchange);
        }
        // The security chain recorded the authenticated caller (JWT sub) in this attribute; no token = the client IP.
        Object user = exchange.getAttribute(RequestIdFilter.USER_ATTRIBUTE);
        String caller = user != null ? "user:" + user : "ip:" + clientIp(exchange);
        return buckets.tryConsume(rule, caller)
                .flatMap(probe -> probe.isConsumed() ? allowed(exchange, chain, probe) : rejected(exchange, probe));
    }

    private RateLimitRule rule(ServerWebExchange exchange) {
        String method = exchange.getRequest().getMethod().name();
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (RateLimitRule rule : rules) {
            if (rule.matches(method, path)) {
                return rule;
            }
        }
        return null;
    }

    private static Mono<Void> allowed(ServerWebExchange exchange, WebFilterChain chain, ConsumptionProbe probe) {
        exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        return chain.filter(exchange);
    }

    private static Mono<Void> rejected(ServerWebExchange exchange, ConsumptionProbe probe) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        headers.set("X-RateLimit-Remaining", "0");
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too Many Requests",
                "Rate limit exceeded; retry after " + seconds + " s.");
    }

    private static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
