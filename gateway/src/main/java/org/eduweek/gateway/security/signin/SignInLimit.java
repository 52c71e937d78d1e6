package org.eduweek.gateway.security.signin;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.eduweek.gateway.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import reactor.core.publisher.Mono;

/**
 * Each sign-in start creates a WebSession (it holds the authorization request until the browser comes back), and
 * sessions live in this instance's bounded memory: a client may start at most {@code perMinute} sign-ins a minute
 * (per client IP, on this instance, like the sessions themselves), then gets 429. Runs in the security chain just
 * before the filter that would redirect to the provider.
 */
final class SignInLimit implements WebFilter {

    private static final String PREFIX = "/oauth2/authorization/";

    private final long perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(5))
            .maximumSize(100_000).executor(Runnable::run).build();

    SignInLimit(long perMinute) {
        this.perMinute = perMinute;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(PREFIX)) {
            return chain.filter(exchange);
        }
        Bucket bucket = buckets.get(clientIp(exchange), ip -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build());
        if (bucket.tryConsume(1)) {
            return chain.filter(exchange);
        }
        long seconds = Math.max(1, 60 / Math.max(1, perMinute));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too Many Requests",
                "Too many sign-in attempts; retry after " + seconds + " s.");
    }

    private static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    @Override
    public String toString() {
        return "SignInLimit";
    }
}
