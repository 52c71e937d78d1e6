package org.eduweek.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XXssProtectionServerHttpHeadersWriter;

/** The one-pass writer sends exactly what Spring Security's writers, configured as before, would send. */
class EdgeHeadersWriterTest {

    private final EdgeHeadersWriter edge = new EdgeHeadersWriter(SecurityConfiguration.CSP,
            ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN.getPolicy());

    @Test
    void writesTheSameHeadersAsSpringSecuritysWriters() {
        assertSameAsSpring("http://gw/api/schedule/sessions", HttpStatus.OK, h -> { });
        assertSameAsSpring("https://gw/api/schedule/sessions", HttpStatus.OK, h -> { });
        assertSameAsSpring("https://gw/api/x", HttpStatus.NOT_MODIFIED, h -> { });
    }

    @Test
    void keepsWhatTheServiceAlreadySet() {
        assertSameAsSpring("https://gw/api/x", HttpStatus.OK, h -> {
            h.set(HttpHeaders.CACHE_CONTROL, "max-age=60");
            h.set("X-Frame-Options", "SAMEORIGIN");
            h.set("Content-Security-Policy", "default-src 'none'");
            h.set("Strict-Transport-Security", "max-age=1");
        });
        assertSameAsSpring("http://gw/api/x", HttpStatus.OK, h -> h.set(HttpHeaders.EXPIRES, "Thu, 01 Jan 2099"));
    }

    private void assertSameAsSpring(String url, HttpStatus status, Consumer<HttpHeaders> fromService) {
        assertThat(headers(edge, url, status, fromService)).isEqualTo(headers(spring(), url, status, fromService));
    }

    private static HttpHeaders headers(ServerHttpHeadersWriter writer, String url, HttpStatus status,
            Consumer<HttpHeaders> fromService) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(url));
        exchange.getResponse().setStatusCode(status);
        fromService.accept(exchange.getResponse().getHeaders());
        writer.writeHttpHeaders(exchange).block();
        HttpHeaders copy = new HttpHeaders();
        exchange.getResponse().getHeaders().forEach(copy::put);
        return copy;
    }

    /** What {@code ServerHttpSecurity.headers()} built from the former configuration. */
    private static ServerHttpHeadersWriter spring() {
        StrictTransportSecurityServerHttpHeadersWriter hsts = new StrictTransportSecurityServerHttpHeadersWriter();
        hsts.setMaxAge(Duration.ofDays(365));
        hsts.setIncludeSubDomains(true);
        XFrameOptionsServerHttpHeadersWriter frames = new XFrameOptionsServerHttpHeadersWriter();
        frames.setMode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY);
        ContentSecurityPolicyServerHttpHeadersWriter csp = new ContentSecurityPolicyServerHttpHeadersWriter();
        csp.setPolicyDirectives(SecurityConfiguration.CSP);
        ReferrerPolicyServerHttpHeadersWriter referrer = new ReferrerPolicyServerHttpHeadersWriter();
        referrer.setPolicy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN);
        return new CompositeServerHttpHeadersWriter(new CacheControlServerHttpHeadersWriter(),
                new XContentTypeOptionsServerHttpHeadersWriter(), hsts, frames, new XXssProtectionServerHttpHeadersWriter(),
                csp, referrer);
    }
}
