package org.eduweek.gateway.security;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The management server ({@code management.server.port}: metrics, health details) is its own listener, bound to
 * loopback or a cluster-internal address; whoever can reach it is the operator or Prometheus, so everything on it is
 * open. Every other request goes through the edge's rules. The security filter chain runs on both servers (Boot
 * hands the parent's web filters to the management server), so the server is told apart by its context.
 */
final class ManagementServerAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final Mono<AuthorizationResult> GRANTED = Mono.just(new AuthorizationDecision(true));

    private final ReactiveAuthorizationManager<AuthorizationContext> publicServer;

    ManagementServerAccess(ReactiveAuthorizationManager<AuthorizationContext> publicServer) {
        this.publicServer = publicServer;
    }

    static boolean isManagementServer(ServerWebExchange exchange) {
        return WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(), "management");
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return isManagementServer(context.getExchange()) ? GRANTED
                : publicServer.authorize(authentication, context);
    }
}
