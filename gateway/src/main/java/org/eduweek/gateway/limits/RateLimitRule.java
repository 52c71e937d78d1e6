package org.eduweek.gateway.limits;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eduweek.gateway.config.GatewayProperties;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.github.bucket4j.BucketConfiguration;

/** One configured token bucket: which requests it counts and how fast it refills. */
record RateLimitRule(String name, Set<String> methods, List<PathPattern> paths, BucketConfiguration bucket) {

    static RateLimitRule of(String name, GatewayProperties.RateLimit limit) {
        List<PathPattern> patterns = limit.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        BucketConfiguration bucket = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit.capacity())
                        .refillGreedy(limit.refillTokens(), limit.refillPeriod()))
                .build();
        Set<String> methods = limit.methods().stream().map(String::toUpperCase).collect(Collectors.toSet());
        return new RateLimitRule(name, methods, patterns, bucket);
    }

    boolean matches(String method, PathContainer path) {
        return (methods.isEmpty() || methods.contains(method)) && paths.stream().anyMatch(p -> p.matches(path));
    }
}
