package org.eduweek.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

class CachingJwtDecoderTest {

    private final AtomicInteger fullChecks = new AtomicInteger();
    private final Instant issued = Instant.parse("2026-11-28T10:00:00Z");
    private Clock clock = Clock.fixed(issued, ZoneOffset.UTC);
    private final JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ofSeconds(60));

    /** Stands in for Nimbus: "good-*" tokens have a valid signature, then the validator runs, as in the real one. */
    private final ReactiveJwtDecoder verifying = token -> {
        fullChecks.incrementAndGet();
        if (!token.startsWith("good")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("alice").issuedAt(issued)
                .expiresAt(issued.plusSeconds(300)).build();
        return validator.validate(jwt).hasErrors() ? Mono.error(new BadJwtException("expired")) : Mono.just(jwt);
    };

    private final CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, validator, Duration.ofMinutes(5),
            100);

    @BeforeEach
    void useTheTestClock() {
        validator.setClock(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.instant();
            }
        });
    }

    @Test
    void verifiesARepeatedTokenOnlyOnce() {
        assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("alice");
        assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("alice");
        assertThat(fullChecks).hasValue(1);
        decoder.decode("good-2").block();
        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void neverRemembersARefusedToken() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void refusesACachedTokenOnceItHasExpired() {
        decoder.decode("good-1").block();
        // Past expiry (300 s) plus the 60 s clock skew, but within the cache's own 5 minutes.
        clock = Clock.offset(clock, Duration.ofSeconds(361));
        assertThatThrownBy(() -> decoder.decode("good-1").block()).isInstanceOf(BadJwtException.class);
        assertThat(fullChecks).hasValue(2);
    }
}
