package org.eduweek.platform.tokens;

import java.text.ParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.nimbusds.jwt.JWTParser;

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * Picks the decoder for a token by its (not yet verified) {@code iss} claim, among the trusted issuers only; a token
 * of any other issuer is refused before anything is fetched. Each issuer's decoder is built on the first token that
 * names it and kept; a build that fails (its discovery document unreachable) is not kept, so the next token tries
 * again, and a component starts whether or not its identity providers are up yet.
 * <p>
 * The decoder type is the caller's: the servlet services route to {@code JwtDecoder}s
 * ({@link MultiIssuerJwtDecoder}), the reactive gateway to {@code ReactiveJwtDecoder}s
 * ({@code token -> Mono.defer(() -> router.decoderFor(token).decode(token))}). Every decoder must still verify the
 * signature and check the issuer itself ({@link TokenRules#validator}): reading {@code iss} here only chooses whom to
 * ask.
 */
public final class IssuerRouter<D> {

    private final Map<String, TrustedIssuer> trusted = new LinkedHashMap<>();
    private final Function<TrustedIssuer, D> factory;
    private final Map<String, D> decoders = new ConcurrentHashMap<>();

    public IssuerRouter(Collection<TrustedIssuer> issuers, Function<TrustedIssuer, D> factory) {
        if (issuers.isEmpty()) {
            throw new IllegalArgumentException("At least one trusted issuer is needed");
        }
        issuers.forEach(i -> trusted.putIfAbsent(i.issuer(), i));
        this.factory = factory;
    }

    /** The decoder for this token's issuer; {@link BadJwtException} (a 401) for a malformed token or another issuer. */
    public D decoderFor(String token) {
        String issuer = issuerOf(token);
        TrustedIssuer known = issuer == null ? null : trusted.get(issuer);
        if (known == null) {
            throw new BadJwtException("The token's issuer (iss) is not one this service trusts");
        }
        return decoders.computeIfAbsent(issuer, key -> factory.apply(known));
    }

    public Set<String> issuers() {
        return trusted.keySet();
    }

    /** The {@code iss} claim as written, signature NOT checked: only for choosing a decoder. */
    public static String issuerOf(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException | RuntimeException e) {
            throw new BadJwtException("Malformed token", e);
        }
    }
}
