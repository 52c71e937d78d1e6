package org.eduweek.gateway.security.signin;

import org.eduweek.gateway.web.Problems;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.factory.TokenRelayGatewayFilterFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;

/**
 * Calls a signed-in browser makes with its session cookie reach the services with {@code Authorization: Bearer
 * <access token>}: Spring Cloud Gateway's {@code TokenRelay} filter on every route, which takes the token from the
 * session's authorized client and refreshes it with the refresh token when it is (nearly) expired. The services
 * validate it like any bearer token. When there is no usable token any more (the refresh token expired or was
 * revoked) the session is ended and the call answers 401, so the portal shows the user as signed out. Bearer callers
 * pass untouched: their own {@code Authorization} header goes through as it always has.
 */
final class SessionTokenRelay implements GlobalFilter, Ordered {

    private final GatewayFilter relay;

    SessionTokenRelay(TokenRelayGatewayFilterFactory tokenRelay) {
        this.relay = tokenRelay.apply();
    }

    /** Before the route filters (circuit breaker, retry): a missing sign-in is not a failure of the service. */
    @Override
    public int getOrder() {
        return -1;
    }

    @Override
    public String toString() {
        return "SessionTokenRelay";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .hasElement()
                .flatMap(signedIn -> !signedIn ? chain.filter(exchange)
                        : relay.filter(exchange, relayed -> relayed.getRequest().getHeaders()
                                .containsHeader(HttpHeaders.AUTHORIZATION) ? chain.filter(relayed) : signedOut(relayed))
                                .onErrorResume(OAuth2AuthorizationException.class, e -> signedOut(exchange)));
    }

    static Mono<Void> signedOut(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(WebSession::invalidate)
                .then(Problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                        "The sign-in has expired; sign in again."));
    }
}
