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
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 answered with the same problem body as every other error (Spring's default is an empty body). */
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
