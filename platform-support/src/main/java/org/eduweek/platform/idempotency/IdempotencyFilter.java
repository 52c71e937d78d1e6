package org.eduweek.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import org.eduweek.platform.web.FieldProblem;
import org.eduweek.platform.web.ProblemMessages;
import org.eduweek.platform.web.Problems;

import tools.jackson.databind.json.JsonMapper;

/**
 * Honours an optional {@code Idempotency-Key} header on POST, PUT, PATCH and DELETE. The key is scoped by caller (the
 * token's subject, so two users cannot collide or read each other's answers), method and path. The first request
 * runs and its answer (status, content type, Location, body) is stored; a replay gets that answer again with
 * {@code Idempotent-Replayed: true}; a duplicate that arrives while the first is still running gets 409; the same
 * key with a different body gets 422. A 5xx answer is not stored, so a retry runs again. Runs after Spring
 * Security, so unauthenticated requests are refused before any key is claimed.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_KEY_LENGTH = 255;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IdempotencyStore store;

    public IdempotencyFilter(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !METHODS.contains(request.getMethod()) || request.getHeader(IdempotencyProperties.HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(IdempotencyProperties.HEADER).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            problem(request, response, HttpStatus.BAD_REQUEST, "validation",
                    "The Idempotency-Key header must hold 1 to " + MAX_KEY_LENGTH + " characters",
                    List.of(new FieldProblem(IdempotencyProperties.HEADER, "must hold 1 to 255 characters")));
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request);
        String caller = caller();
        String path = request.getRequestURI();
        String scopeId = sha256(String.join("\n", caller, request.getMethod(), path, key).getBytes(
                StandardCharsets.UTF_8));
        String requestHash = sha256(cached.body, String.valueOf(request.getQueryString()));

        IdempotencyStore.Claim claim = store.claim(scopeId, requestHash, caller, request.getMethod(), path);
        if (claim instanceof IdempotencyStore.Claim.Started) {
            runFirst(cached, response, chain, scopeId);
        } else if (claim instanceof IdempotencyStore.Claim.Replay replay) {
            if (replay.requestHash().equals(requestHash)) {
                replay(response, replay.response());
            } else {
                problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                        "This Idempotency-Key was already used for a different request body", List.of());
            }
        } else {
            problem(request, response, HttpStatus.CONFLICT, "idempotency-in-progress",
                    "A request with this Idempotency-Key is still being processed; retry later", List.of());
        }
    }

    private void runFirst(CachedBodyRequest request, HttpServletResponse response, FilterChain chain,
            String scopeId) throws IOException, ServletException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() < 500) {
                store.complete(scopeId, new StoredResponse(wrapper.getStatus(), wrapper.getContentType(),
                        wrapper.getHeader(HttpHeaders.LOCATION), wrapper.getContentAsByteArray()));
                stored = true;
            }
        } finally {
            if (!stored) {
                store.release(scopeId);
            }
            wrapper.copyBodyToResponse();
        }
    }

    private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader(IdempotencyProperties.REPLAYED_HEADER, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    private static String caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return "anonymous";
        }
        return "user:" + auth.getName();
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String slug, String detail, List<FieldProblem> errors) throws IOException {
        ProblemDetail body = Problems.of(status, slug, status.getReasonPhrase(), detail, errors);
        body.setInstance(java.net.URI.create(request.getRequestURI()));
        java.util.Locale locale = ProblemMessages.shared().localize(body, request);
        response.setHeader(org.springframework.http.HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
        response.addHeader(org.springframework.http.HttpHeaders.VARY, org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), Problems.body(body));
    }

    static String sha256(byte[] bytes, String... more) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes);
            for (String s : more) {
                digest.update((byte) 0);
                digest.update(s.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the body once up front (to hash it) and serves it again to the controller. */
    static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(
                    encoding)));
        }
    }
}
