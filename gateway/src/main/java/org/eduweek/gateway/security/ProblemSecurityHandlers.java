package org.eduweek.gateway.security;

import org.eduweek.gateway.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/** 401 and 403 as problem bodies, with the {@code WWW-Authenticate} hint RFC 6750 asks for. */
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

    static ServerAccessDeniedHandler forbidden() {
        return (exchange, ex) -> Problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role does not allow this operation.");
    }
}
