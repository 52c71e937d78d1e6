package org.eduweek.gateway.security;

import org.eduweek.gateway.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Requests Spring Security's strict firewall refuses (encoded dots or slashes, {@code ;} in the path, control
 * characters in a header, unknown methods) answered with a 400 problem instead of its empty body. The detail stays
 * generic: the firewall's own message quotes the offending input.
 */
final class FirewallRejectionProblems implements ServerExchangeRejectedHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FirewallRejectionProblems.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        LOG.debug("Firewall rejected {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                rejected.getMessage());
        return Problems.write(exchange, HttpStatus.BAD_REQUEST, "malformed-request", "Bad Request",
                "The request's method, path or headers contain characters or sequences the gateway does not accept.");
    }
}
