package org.eduweek.gateway.security.signin;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * CSRF protection for what a browser does with its session cookie, the one credential a forged cross-site request
 * would carry. The token is a double-submit cookie: {@code XSRF-TOKEN} (readable by the portal's script, SameSite=Lax),
 * sent back in the {@code X-XSRF-TOKEN} header (or a {@code _csrf} form field) on every state-changing call. Bearer
 * callers carry their credential explicitly and are not subject to it; neither is a request without the session
 * cookie, which no session authorizes.
 */
final class SessionCsrf {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";

    private SessionCsrf() {
    }

    static CookieServerCsrfTokenRepository tokenRepository() {
        CookieServerCsrfTokenRepository tokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    /** State-changing methods sent with the session cookie and without a bearer token. */
    static ServerWebExchangeMatcher protectedRequests(String sessionCookie) {
        return exchange -> {
            HttpMethod method = exchange.getRequest().getMethod();
            boolean safe = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
                    || HttpMethod.OPTIONS.equals(method) || HttpMethod.TRACE.equals(method);
            return !safe && SessionSecurityContextRepository.sessionRequest(exchange, sessionCookie)
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    /**
     * Spring's CSRF filter only prepares the token; this writes the cookie (when the browser has none yet) on the
     * answers the portal reads it from: {@code /auth/me}, and any request of a signed-in browser.
     */
    static WebFilter cookieWriter(String sessionCookie) {
        return new WebFilter() {
            @Override
            public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
                Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
                if (token == null || !(exchange.getRequest().getPath().value().equals("/auth/me")
                        || SessionSecurityContextRepository.sessionRequest(exchange, sessionCookie))) {
                    return chain.filter(exchange);
                }
                return token.then(chain.filter(exchange));
            }

            @Override
            public String toString() {
                return "CsrfCookieWriter";
            }
        };
    }
}
