package org.eduweek.gateway.security.signin;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The signed-in browser's authentication lives in its WebSession; everything else stays stateless. A request that
 * carries an {@code Authorization} header is a bearer caller (script, test, benchmark, the Swagger UI): its session,
 * if any, is not read, so the token alone decides. A request without the session cookie never touches the session
 * store (no session is created for anonymous visitors or for bearer callers).
 */
final class SessionSecurityContextRepository implements ServerSecurityContextRepository {

    private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
    private final String sessionCookie;

    SessionSecurityContextRepository(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return sessions.save(exchange, context);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return sessionRequest(exchange, sessionCookie) ? sessions.load(exchange) : Mono.empty();
    }

    /** No {@code Authorization} header and the session cookie present: a signed-in browser's request. */
    static boolean sessionRequest(ServerWebExchange exchange, String sessionCookie) {
        return !exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                && exchange.getRequest().getCookies().containsKey(sessionCookie);
    }
}
