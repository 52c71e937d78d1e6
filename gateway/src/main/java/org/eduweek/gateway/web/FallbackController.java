package org.eduweek.gateway.web;

import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.eduweek.gateway.filter.RequestIdFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.handler.timeout.ReadTimeoutException;

/**
 * Target of every route's circuit breaker ({@code forward:/fallback/<service>}): the client learns which service is
 * down instead of waiting. Reached only by the gateway's internal forward (security denies it from outside).
 */
@RestController
public class FallbackController {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackController.class);

    @RequestMapping("/fallback/{service}")
    ResponseEntity<Map<String, Object>> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        boolean timeout = isTimeout(cause);
        HttpStatus status = timeout ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        if (cause != null && !(cause instanceof CallNotPermittedException)) {
            // Why the call failed; while the circuit is open nothing is attempted, so nothing is logged.
            LOG.warn("{} unavailable: {}", service, cause.toString());
        }
        String detail = timeout ? "The " + service + " service did not answer in time."
                : cause instanceof CallNotPermittedException
                        ? "The " + service + " service is unavailable (circuit open); try again shortly."
                        : "The " + service + " service is unavailable; try again shortly.";
        Map<String, Object> body = Problems.body(status, timeout ? "gateway-timeout" : "service-unavailable",
                timeout ? "Gateway Timeout" : "Service Unavailable", detail, originalPath(exchange));
        body.put("service", service);
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "5").body(body);
    }

    /** Netty's read timeout, or the gateway's own response timeout (which it wraps in a 504 status exception). */
    private static boolean isTimeout(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof ReadTimeoutException
                    || (t instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504)) {
                return true;
            }
        }
        return false;
    }

    private static String originalPath(ServerWebExchange exchange) {
        String path = exchange.getAttribute(RequestIdFilter.PATH_ATTRIBUTE);
        return path != null ? path : exchange.getRequest().getPath().value();
    }
}
