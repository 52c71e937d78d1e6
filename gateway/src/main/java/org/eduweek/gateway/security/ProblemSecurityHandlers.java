package org.eduweek.gateway.security;

import org.eduweek.gateway.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/**
 * 401, 403 and 503 as problem bodies, with the {@code WWW-Authenticate} hint RFC 6750 asks for on a 401.
 */
final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, ex) -> {
            boolean invalid = ex instanceof InvalidBearerTokenException
                    || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
            String detail = invalid ? "The bearer token is invalid, expired or not meant for this service."
                    : "A bearer token is required.";
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
        };
    }

    /** Seconds a client waits before asking again when a token's issuer cannot be reached. */
    static final int ISSUER_RETRY_AFTER_SECONDS = 5;

    /**
     * A bearer token that could not be checked: refused (401), or — when the check itself failed because the
     * token's issuer or its keys cannot be reached — 503 with {@code Retry-After}. Spring's own handler rethrows that
     * second case, which would reach the client as a 500 although the token may be fine.
     */
    static ServerAuthenticationFailureHandler bearerTokenFailure() {
        ServerAuthenticationEntryPoint unauthorized = unauthorized();
        return (filterExchange, ex) -> {
            if (ex instanceof AuthenticationServiceException) {
                filterExchange.getExchange().getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                        Integer.toString(ISSUER_RETRY_AFTER_SECONDS));
                return Problems.write(filterExchange.getExchange(), HttpStatus.SERVICE_UNAVAILABLE,
                        "issuer-unavailable", "Service Unavailable", "The sign-in provider cannot be reached to "
                                + "check your token right now; nothing was changed, try again in a few seconds.");
            }
            return unauthorized.commence(filterExchange.getExchange(), ex);
        };
    }

    static ServerAccessDeniedHandler forbidden() {
        return (exchange, ex) -> Problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role does not allow this operation.");
    }
}
