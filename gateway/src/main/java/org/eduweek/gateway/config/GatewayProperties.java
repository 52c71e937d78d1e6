package org.eduweek.gateway.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the edge decides on its own: dev routes, CORS origins, body limit, function-level rules and rate limits.
 *
 * @param organizerOnly requests only ORGANIZER or ADMIN may send; an empty {@code methods} list means every method
 * @param queryTokenPaths GET paths (Server-Sent Events) that also accept {@code ?access_token=}
 * @param rateLimits    token buckets by name, tried in declaration order; the first matching one applies
 */
@ConfigurationProperties("eduweek.gateway")
public record GatewayProperties(
        @DefaultValue("http://127.0.0.1:8090") String stackUrl,
        @DefaultValue("false") boolean devRoutes,
        @DefaultValue("http://localhost:8080") List<String> portalOrigins,
        @DefaultValue("1MB") DataSize maxBodySize,
        List<RoleRule> organizerOnly,
        List<String> queryTokenPaths,
        Map<String, RateLimit> rateLimits,
        String rateLimitRedisUri) {

    public GatewayProperties {
        organizerOnly = organizerOnly == null ? List.of() : organizerOnly;
        queryTokenPaths = queryTokenPaths == null ? List.of() : queryTokenPaths;
        rateLimits = rateLimits == null ? Map.of() : new LinkedHashMap<>(rateLimits);
    }

    public record RoleRule(List<String> methods, List<String> paths) {
        public RoleRule {
            methods = methods == null ? List.of() : methods;
            paths = paths == null ? List.of() : paths;
        }
    }

    public record RateLimit(List<String> methods, List<String> paths, @DefaultValue("100") long capacity,
            @DefaultValue("100") long refillTokens, @DefaultValue("1s") Duration refillPeriod) {
        public RateLimit {
            methods = methods == null ? List.of() : methods;
            paths = paths == null ? List.of() : paths;
        }
    }
}
