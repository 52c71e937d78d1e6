package org.eduweek.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eduweek.platform.web.ProblemMessages;
import org.eduweek.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * 401, 403 and 503 from the security filters answered with the same problem body as every other error (Spring's
 * default is an empty body, or a 500 when the token could not be checked at all).
 */
final class ProblemSecurityHandlers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemSecurityHandlers() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    describe(e), List.of()));
        };
    }

    /** Seconds a client waits before asking again when the token's issuer cannot be reached. */
    static final int ISSUER_RETRY_AFTER_SECONDS = 5;

    /**
     * A bearer token that could not be checked: refused (401), or — when the check itself failed because the
     * token's issuer or its keys cannot be reached — 503 with {@code Retry-After}. Spring's own handler rethrows that
     * second case, which reaches the client as a 500 although the token may be fine.
     */
    static AuthenticationFailureHandler bearerTokenFailure() {
        AuthenticationEntryPoint unauthorized = unauthorized();
        return (request, response, e) -> {
            if (e instanceof AuthenticationServiceException) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(ISSUER_RETRY_AFTER_SECONDS));
                write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "issuer-unavailable",
                        "Service Unavailable", "The sign-in provider cannot be reached to check your token right "
                                + "now; nothing was changed, try again in a few seconds", List.of()));
            } else {
                unauthorized.commence(request, response, e);
            }
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(request, response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your roles do not allow this operation", List.of()));
    }

    private static String describe(AuthenticationException e) {
        return e == null || e.getMessage() == null ? "A valid bearer token is required"
                : "A valid bearer token is required: " + e.getMessage();
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        java.util.Locale locale = ProblemMessages.shared().localize(problem, request);
        response.setHeader(org.springframework.http.HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
        response.addHeader(org.springframework.http.HttpHeaders.VARY, org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        // A plain mapper would nest the extra members under "properties"; write the RFC 9457 members flat.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        JSON.writeValue(response.getOutputStream(), body);
    }

}
