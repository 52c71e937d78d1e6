package org.eduweek.gateway.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;

/** Errors raised inside the gateway (no route, oversized stream, upstream failure) as problem bodies, never HTML. */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        HttpStatusCode code = ex instanceof ResponseStatusException rse ? rse.getStatusCode()
                : HttpStatus.BAD_GATEWAY;
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = HttpStatus.BAD_GATEWAY;
        }
        if (status.is5xxServerError()) {
            LOG.warn("{} {} failed: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    ex.toString());
        }
        String detail = ex instanceof ResponseStatusException rse && rse.getReason() != null ? rse.getReason()
                : status.getReasonPhrase();
        exchange.getResponse().getHeaders().remove("Content-Type");
        exchange.getResponse().getHeaders().remove("Content-Length");
        return Problems.write(exchange, status, slug(status), status.getReasonPhrase(), detail);
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case CONTENT_TOO_LARGE -> "payload-too-large";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case BAD_REQUEST -> "malformed-request";
            default -> status.is5xxServerError() ? "upstream-error" : "error";
        };
    }
}
