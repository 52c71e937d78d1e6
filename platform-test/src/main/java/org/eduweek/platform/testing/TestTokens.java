package org.eduweek.platform.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Signs tokens shaped like the dev identity provider's (docs/CONTRACTS.md) with a key made for this test JVM.
 * Point a service at it by overriding its {@code JwtDecoder} with {@link #decoder()} plus the service's validators,
 * or by serving {@link #jwkSetJson()}.
 */
public final class TestTokens {

    public static final String ISSUER = "http://127.0.0.1:8090";
    public static final String AUDIENCE = "eduweek";
    private static final RSAKey KEY = generate();

    private TestTokens() {
    }

    public static String participant(String sub) {
        return token(sub, List.of("PARTICIPANT"), Map.of());
    }

    public static String organizer(String sub) {
        return token(sub, List.of("ORGANIZER"), Map.of());
    }

    public static String token(String sub, List<String> roles, Map<String, Object> extraClaims) {
        return sign(KEY, sub, roles, extraClaims, ISSUER, AUDIENCE, Instant.now().plusSeconds(3600));
    }

    /** For negative tests: any issuer, audience, expiry or key. */
    public static String sign(RSAKey key, String sub, List<String> roles, Map<String, Object> extraClaims,
            String issuer, String audience, Instant expiresAt) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .subject(sub).issuer(issuer).audience(audience)
                    .issueTime(Date.from(Instant.now().minusSeconds(5))).expirationTime(Date.from(expiresAt))
                    .jwtID(UUID.randomUUID().toString())
                    .claim("name", sub).claim("email", sub + "@example.edu").claim("locale", "en")
                    .claim("roles", roles);
            extraClaims.forEach(claims::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAKey key() {
        return KEY;
    }

    /** A key the services do not trust, for forged-token tests. */
    public static RSAKey otherKey() {
        return generate();
    }

    public static NimbusJwtDecoder decoder() {
        try {
            return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).signatureAlgorithm(SignatureAlgorithm.RS256)
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String jwkSetJson() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
