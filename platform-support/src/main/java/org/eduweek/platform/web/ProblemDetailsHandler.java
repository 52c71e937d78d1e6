package org.eduweek.platform.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure into an RFC 9457 body with an {@code errors} list, so clients never see a bare 500 or a
 * stack trace for bad input.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    private final List<ApiExceptionTranslator> translators;

    public ProblemDetailsHandler() {
        this.translators = List.of();
    }

    @Autowired
    public ProblemDetailsHandler(ObjectProvider<ApiExceptionTranslator> translators) {
        this.translators = translators.orderedStream().toList();
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ProblemDetail problem = Problems.of(e.status(), e.slug(), e.title(), e.getMessage(), e.errors());
        e.properties().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(validation(errors));
    }

    /** A query parameter Tomcat could not decode (bytes that are not UTF-8): the caller's fault, not ours. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameter(RuntimeException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request",
                "The request path or query is malformed (an encoded NUL, slash or dot segment, or bytes that are "
                        + "not UTF-8)", List.of()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(validation(List.of(new FieldProblem(e.getName(), "has the wrong format"))));
    }

    @ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
    ResponseEntity<ProblemDetail> denied(RuntimeException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "You are not allowed to do this", List.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof RuntimeException re) {
            for (ApiExceptionTranslator translator : translators) {
                ApiException translated = translator.translate(re);
                if (translated != null) {
                    return api(translated);
                }
            }
        }
        if (Unavailable.isInfrastructure(e)) {
            log.warn("Store or broker unavailable: {}", e.toString());
            return unavailable();
        }
        log.error("Unexpected failure", e);
        return respond(internal());
    }

    static ProblemDetail internal() {
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal Server Error",
                "Something went wrong on our side; nothing was changed by this request", List.of());
    }

    /** 503 with {@code Retry-After}: the store or the broker is out of reach for now. */
    static ResponseEntity<ProblemDetail> unavailable() {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service Unavailable",
                "The service cannot reach its store or broker right now; nothing was changed, try again "
                        + "in a few seconds", List.of());
        HttpHeaders headers = localized(problem);
        headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(Unavailable.RETRY_AFTER_SECONDS));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers).body(problem);
    }

    /**
     * Puts the problem's human text in the language of the current request ({@link ProblemMessages}).
     * @return {@code Content-Language} and {@code Vary} for the answer
     */
    static HttpHeaders localized(ProblemDetail problem) {
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest() : null;
        HttpHeaders headers = new HttpHeaders();
        ProblemMessages.headers(headers, ProblemMessages.shared().localize(problem, request));
        return headers;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .toList();
        return body(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldProblem(r.getMethodParameter().getParameterName(),
                                err.getDefaultMessage())))
                .toList();
        return body(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(malformed(e));
    }

    /** Framework exceptions (405, 415, 404 for no handler, missing header...) keep their status, gain our shape. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail pd) {
            if (pd.getProperties() == null) {
                pd.setProperty("errors", List.of());
                if (pd.getType() == null || "about:blank".equals(pd.getType().toString())) {
                    pd.setType(java.net.URI.create(Problems.TYPE_BASE + slugFor(status)));
                }
            }
            if (!headers.containsHeader(HttpHeaders.CONTENT_LANGUAGE)) {
                HttpHeaders merged = new HttpHeaders();
                merged.putAll(headers);
                merged.putAll(localized(pd));
                headers = merged;
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    static ProblemDetail validation(List<FieldProblem> errors) {
        String detail = errors.isEmpty() ? "The request is not valid"
                : errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail, errors);
    }

    static ProblemDetail malformed(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException db && !db.getPath().isEmpty()) {
            String field = db.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (cause instanceof TextGuard.InputRuleException text) {
                return validation(List.of(new FieldProblem(field, text.getOriginalMessage())));
            }
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "Field '" + field + "' has the wrong type or format",
                    List.of(new FieldProblem(field, "has the wrong type or format")));
        }
        String detail = cause instanceof JacksonException ? "The body is not valid JSON"
                : "The request body is missing or unreadable";
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail, List.of());
    }

    static String slugFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 415 -> "unsupported-media-type";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 431 -> "headers-too-large";
            default -> status.is4xxClientError() ? "bad-request" : "internal";
        };
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        HttpHeaders headers = localized(problem);
        return ResponseEntity.status(problem.getStatus()).contentType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).headers(headers).body(problem);
    }

    private static ResponseEntity<Object> body(ProblemDetail problem) {
        HttpHeaders headers = localized(problem);
        return ResponseEntity.status(problem.getStatus()).contentType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).headers(headers).body(problem);
    }
}
