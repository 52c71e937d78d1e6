package org.eduweek.gateway.security;

import java.time.Duration;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * A browser sends the same bearer token with every call for its whole lifetime; verifying its RS256 signature and
 * parsing it again each time is the costliest step of an authenticated request. Tokens that passed the full check
 * are kept for a few minutes, keyed by the exact token string (so a changed byte is a miss). A hit is checked again
 * by the validator (expiry with the usual clock skew, issuer, audience), so an expired token is refused exactly as
 * before; failures are never cached. A key removed from the JWK set stops tokens it signed after at most
 * {@code ttl}.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    CachingJwtDecoder(ReactiveJwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, Duration ttl,
            long maximumSize) {
        this.delegate = delegate;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize)
                // bookkeeping on the calling event loop, not a wake-up of the common pool (see BucketStore)
                .executor(Runnable::run).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (!validator.validate(known).hasErrors()) {
                return Mono.just(known);
            }
            verified.invalidate(token);
        }
        // The full check (signature, then the validator); its errors are the ones clients always got.
        return delegate.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }
}
