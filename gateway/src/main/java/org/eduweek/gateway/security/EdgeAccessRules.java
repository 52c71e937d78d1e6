package org.eduweek.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthenticatedReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorityReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * The edge's access rules as one ordered table, first match wins (the same semantics as a list of
 * {@code authorizeExchange().pathMatchers(..)} entries, which Spring evaluates as one reactive matcher chain per
 * entry, a visible cost on every request with about 15 entries). Paths are matched synchronously
 * with the same {@link PathPatternParser} Spring Security uses; the decisions are Spring's own managers.
 */
final class EdgeAccessRules implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final ReactiveAuthorizationManager<AuthorizationContext> PERMIT =
            (authentication, context) -> Mono.just(new AuthorizationDecision(true));
    private static final ReactiveAuthorizationManager<AuthorizationContext> DENY =
            (authentication, context) -> Mono.just(new AuthorizationDecision(false));
    static final ReactiveAuthorizationManager<AuthorizationContext> AUTHENTICATED =
            AuthenticatedReactiveAuthorizationManager.authenticated();

    private record Rule(HttpMethod method, List<PathPattern> paths,
            ReactiveAuthorizationManager<AuthorizationContext> access) {

        boolean matches(HttpMethod requestMethod, PathContainer path) {
            if (method != null && !method.equals(requestMethod)) {
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

    private final List<Rule> rules = new ArrayList<>();
    private final ReactiveAuthorizationManager<AuthorizationContext> otherwise;

    private EdgeAccessRules(List<Rule> rules, ReactiveAuthorizationManager<AuthorizationContext> otherwise) {
        this.rules.addAll(rules);
        this.otherwise = otherwise;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return decide(context.getExchange()).authorize(authentication, context);
    }

    /** The first rule that matches the request, or the default ({@code anyExchange()}). */
    ReactiveAuthorizationManager<AuthorizationContext> decide(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (Rule rule : rules) {
            if (rule.matches(method, path)) {
                return rule.access();
            }
        }
        return otherwise;
    }

    static final class Builder {

        private final List<Rule> rules = new ArrayList<>();

        Builder permit(HttpMethod method, String... paths) {
            return add(method, paths, PERMIT);
        }

        Builder deny(HttpMethod method, String... paths) {
            return add(method, paths, DENY);
        }

        Builder authenticated(HttpMethod method, String... paths) {
            return add(method, paths, AUTHENTICATED);
        }

        Builder anyRole(HttpMethod method, String[] roles, String... paths) {
            return add(method, paths, AuthorityReactiveAuthorizationManager.hasAnyRole(roles));
        }

        private Builder add(HttpMethod method, String[] paths,
                ReactiveAuthorizationManager<AuthorizationContext> access) {
            List<PathPattern> patterns = new ArrayList<>();
            for (String path : paths) {
                PathPatternParser parser = PathPatternParser.defaultInstance;
                patterns.add(parser.parse(parser.initFullPathPattern(path)));
            }
            rules.add(new Rule(method, List.copyOf(patterns), access));
            return this;
        }

        EdgeAccessRules otherwise(Supplier<ReactiveAuthorizationManager<AuthorizationContext>> access) {
            return new EdgeAccessRules(rules, access.get());
        }
    }
}
