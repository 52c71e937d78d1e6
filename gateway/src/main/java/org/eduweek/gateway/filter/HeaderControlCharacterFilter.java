package org.eduweek.gateway.filter;

import java.util.List;
import java.util.Map;

import org.eduweek.gateway.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses a request with a control character (C0, DEL or C1; a horizontal tab is allowed in values) in the name or
 * value of any header with a 400 {@code malformed-request} problem, before anything else reads it. Reactor Netty
 * already refuses C0 and DEL while decoding, and Spring Security's firewall refuses C1 controls only in the headers
 * the gateway itself reads; this covers every header, so none reaches a service, a log line or a mail header.
 * Header bytes are read as ISO-8859-1, so raw UTF-8 whose bytes fall in 0x80-0x9F is refused too: non-ASCII text
 * belongs in a header percent- or RFC 8187-encoded.
 */
@Component
public class HeaderControlCharacterFilter implements WebFilter, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderControlCharacterFilter.class);

    /** Named by DefaultWebFilterChain in a checkpoint per request: a constant, not Object's class@hash string. */
    @Override
    public String toString() {
        return "HeaderControlCharacterFilter";
    }

    /** Right after the request id (so the refusal is logged with one), before the body guard and security. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offending = offendingHeader(exchange.getRequest().getHeaders().headerSet());
        if (offending == null) {
            return chain.filter(exchange);
        }
        // the name only: the value is the attacker's text
        LOG.debug("Refused {} {}: control character in header {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), printable(offending));
        return Problems.write(exchange, HttpStatus.BAD_REQUEST, "malformed-request", "Bad Request",
                "A request header contains a control character.");
    }

    /** The first header whose name or a value holds a control character, or null. */
    static String offendingHeader(Iterable<Map.Entry<String, List<String>>> headers) {
        for (Map.Entry<String, List<String>> header : headers) {
            if (hasControl(header.getKey(), false)) {
                return header.getKey();
            }
            for (String value : header.getValue()) {
                if (hasControl(value, true)) {
                    return header.getKey();
                }
            }
        }
        return null;
    }

    static boolean hasControl(String text, boolean tabAllowed) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && !(tabAllowed && c == '\t')) || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length() && i < 64; i++) {
            char c = name.charAt(i);
            out.append(hasControl(String.valueOf(c), false) ? String.format("\\u%04x", (int) c) : c);
        }
        return out.toString();
    }
}
