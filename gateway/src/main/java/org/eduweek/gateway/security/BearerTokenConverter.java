package org.eduweek.gateway.security;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * Reads the bearer token from the {@code Authorization} header; on the few event-stream paths that browsers open
 * with EventSource (which cannot set headers) it also accepts {@code ?access_token=} for GET.
 */
final class BearerTokenConverter implements ServerAuthenticationConverter {

    private final ServerBearerTokenAuthenticationConverter headerOnly = new ServerBearerTokenAuthenticationConverter();
    private final ServerBearerTokenAuthenticationConverter withQuery = new ServerBearerTokenAuthenticationConverter();
    private final List<PathPattern> queryTokenPaths;

    BearerTokenConverter(List<String> queryTokenPaths) {
        this.withQuery.setAllowUriQueryParameter(true);
        this.queryTokenPaths = queryTokenPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        boolean queryAllowed = HttpMethod.GET.equals(exchange.getRequest().getMethod())
                && queryTokenPaths.stream().anyMatch(p -> p.matches(exchange.getRequest().getPath().pathWithinApplication()));
        return queryAllowed ? withQuery.convert(exchange) : headerOnly.convert(exchange);
    }
}
