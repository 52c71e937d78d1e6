package org.eduweek.gateway.limits;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eduweek.gateway.config.GatewayProperties;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/** One configured token bucket: which requests it counts and how fast it refills. */
record RateLimitRule(String name, Set<String> methods, List<PathPattern> paths, Bandwidth limit,
        Duration timeToRefill) {

    static RateLimitRule of(String name, GatewayProperties.RateLimit limit) {
        List<PathPattern> patterns = limit.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        Bandwidth bandwidth = Bandwidth.builder().capacity(limit.capacity())
                .refillGreedy(limit.refillTokens(), limit.refillPeriod()).build();
        // Greedy refill: an empty bucket is full again after capacity / refillTokens periods.
        Duration refill = Duration.ofNanos((long) Math.ceil(
                (double) limit.refillPeriod().toNanos() * limit.capacity() / limit.refillTokens()));
        Set<String> methods = limit.methods().stream().map(String::toUpperCase).collect(Collectors.toSet());
        return new RateLimitRule(name, methods, patterns, bandwidth, refill);
    }

    BucketConfiguration bucket() {
        return BucketConfiguration.builder().addLimit(limit).build();
    }

    boolean matches(String method, PathContainer path) {
        if (!methods.isEmpty() && !methods.contains(method)) {
            return false;
        }
        for (PathPattern pattern : paths) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
