package org.eduweek.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Two identity providers on one loopback HTTP server, as in the local run: the stack's dev provider (a JWK set at a
 * fixed URL) and a Keycloak-like OpenID provider (keys found through its discovery document).
 */
class MultiIssuerJwtDecoderTest {

    private static final Duration DAY = Duration.ofHours(24);

    private final RSAKey devKey = key();
    private final RSAKey keycloakKey = key();
    private final AtomicBoolean keycloakUp = new AtomicBoolean(true);
    private HttpServer server;
    private String devIssuer;
    private String keycloakIssuer;

    @BeforeEach
    void startProviders() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        devIssuer = base;
        keycloakIssuer = base + "/realms/eduweek";
        server.createContext("/.well-known/jwks.json", ex -> send(ex, 200, new JWKSet(devKey.toPublicJWK()).toString()));
        server.createContext("/realms/eduweek/", ex -> {
            if (!keycloakUp.get()) {
                send(ex, 503, "{}");
            } else if (ex.getRequestURI().getPath().endsWith("/.well-known/openid-configuration")) {
                send(ex, 200, "{\"issuer\":\"" + keycloakIssuer + "\",\"jwks_uri\":\"" + keycloakIssuer
                        + "/protocol/openid-connect/certs\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
            } else if (ex.getRequestURI().getPath().endsWith("/protocol/openid-connect/certs")) {
                send(ex, 200, new JWKSet(keycloakKey.toPublicJWK()).toString());
            } else {
                send(ex, 404, "{}");
            }
        });
        server.start();
    }

    @AfterEach
    void stopProviders() {
        server.stop(0);
    }

    private MultiIssuerJwtDecoder decoder(boolean localProfile) {
        return decoder(devIssuer, devIssuer + "/.well-known/jwks.json", localProfile);
    }

    private MultiIssuerJwtDecoder decoder(String issuer, String jwkSetUri, boolean localProfile) {
        return new MultiIssuerJwtDecoder(TrustedIssuers.resolve(issuer, jwkSetUri, keycloakIssuer, localProfile),
                "eduweek", DAY);
    }

    @Test
    void inTheLocalProfileAcceptsTokensOfTheDevProviderAndOfKeycloak() {
        MultiIssuerJwtDecoder decoder = decoder(true);

        Jwt dev = decoder.decode(sign(devKey, devIssuer, "alice", List.of("ORGANIZER"), Instant.now().plusSeconds(600)));
        Jwt keycloak = decoder.decode(sign(keycloakKey, keycloakIssuer, UUID.randomUUID().toString(),
                List.of("PARTICIPANT"), Instant.now().plusSeconds(300)));

        assertThat(dev.getClaimAsString("iss")).isEqualTo(devIssuer);
        assertThat(keycloak.getClaimAsString("iss")).isEqualTo(keycloakIssuer);
        assertThat(TokenRules.authorities(keycloak)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_PARTICIPANT");
    }

    @Test
    void refusesATokenOfAnIssuerNobodyConfigured() {
        RSAKey evil = key();
        String token = sign(evil, "https://evil.example", "eve", List.of("ADMIN"), Instant.now().plusSeconds(60));

        assertThatThrownBy(() -> decoder(true).decode(token)).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("issuer");
    }

    @Test
    void checksEachTokenAgainstItsOwnIssuersKeys() {
        // signed with the dev provider's key but claiming to come from Keycloak
        String forged = sign(devKey, keycloakIssuer, "eve", List.of("ADMIN"), Instant.now().plusSeconds(60));

        assertThatThrownBy(() -> decoder(true).decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void outsideTheLocalProfileTrustsOnlyTheConfiguredIssuer() {
        // production: JWT_ISSUER is Keycloak's (or the SSO's); OIDC_ISSUER_URI names it too, for the gateway
        MultiIssuerJwtDecoder production = decoder(keycloakIssuer, keycloakIssuer + "/protocol/openid-connect/certs",
                false);
        String devToken = sign(devKey, devIssuer, "alice", List.of("ADMIN"), Instant.now().plusSeconds(600));
        String keycloakToken = sign(keycloakKey, keycloakIssuer, "k", List.of("PARTICIPANT"),
                Instant.now().plusSeconds(300));

        assertThatThrownBy(() -> production.decode(devToken)).isInstanceOf(BadJwtException.class);
        assertThat(production.decode(keycloakToken).getSubject()).isEqualTo("k");
        // and a dev provider left configured outside local does not make the sign-in provider trusted on top
        assertThatThrownBy(() -> decoder(false).decode(keycloakToken)).isInstanceOf(BadJwtException.class);
        assertThat(TrustedIssuers.resolve(devIssuer, null, keycloakIssuer, false)).hasSize(1);
    }

    @Test
    void holdsTokensOfEveryIssuerToTheSameRules() {
        MultiIssuerJwtDecoder decoder = decoder(true);
        String expired = sign(keycloakKey, keycloakIssuer, "k", List.of("PARTICIPANT"), Instant.now().minusSeconds(600));
        String otherAudience = sign(keycloakKey, keycloakIssuer, "k", List.of("PARTICIPANT"),
                Instant.now().plusSeconds(300), Map.of("aud", "account"));
        String tooLong = sign(keycloakKey, keycloakIssuer, "k", List.of("PARTICIPANT"),
                Instant.now().plus(Duration.ofDays(7)));

        assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(otherAudience)).isInstanceOf(JwtException.class)
                .hasMessageContaining("audience");
        assertThatThrownBy(() -> decoder.decode(tooLong)).isInstanceOf(JwtException.class)
                .hasMessageContaining("longer");
    }

    @Test
    void startsWithoutKeycloakAndTrustsItOnceItAnswers() {
        keycloakUp.set(false);
        MultiIssuerJwtDecoder decoder = decoder(true);
        String token = sign(keycloakKey, keycloakIssuer, "k", List.of("PARTICIPANT"), Instant.now().plusSeconds(300));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
        assertThat(decoder.decode(sign(devKey, devIssuer, "alice", List.of("PARTICIPANT"),
                Instant.now().plusSeconds(60))).getSubject()).isEqualTo("alice");

        keycloakUp.set(true);
        assertThat(decoder.decode(token).getSubject()).isEqualTo("k");
    }

    @Test
    void refusesMalformedAndUnsignedTokens() {
        MultiIssuerJwtDecoder decoder = decoder(true);
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String body = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"eve\",\"iss\":\"" + keycloakIssuer + "\",\"aud\":\"eduweek\",\"roles\":[\"ADMIN\"],\"exp\":"
                        + (Instant.now().getEpochSecond() + 60) + "}").getBytes());

        assertThatThrownBy(() -> decoder.decode("not-a-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(header + "." + body + ".")).isInstanceOf(JwtException.class);
    }

    @Test
    void theMultiIssuerValidatorAcceptsExactlyTheTrustedIssuers() {
        var rules = TokenRules.validator(List.of(devIssuer, keycloakIssuer), "eduweek", DAY, java.time.Clock.systemUTC());
        Instant later = Instant.now().plusSeconds(300);

        assertThat(rules.validate(jwt(keycloakIssuer, later)).hasErrors()).isFalse();
        assertThat(rules.validate(jwt(devIssuer, later)).hasErrors()).isFalse();
        assertThat(rules.validate(jwt("https://evil.example", later)).hasErrors()).isTrue();
        assertThat(rules.validate(jwt(devIssuer, Instant.now().minusSeconds(600))).hasErrors()).isTrue();
    }

    private static Jwt jwt(String issuer, Instant expires) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("s").claim("iss", issuer)
                .audience(List.of("eduweek")).issuedAt(expires.minusSeconds(300)).expiresAt(expires).build();
    }

    private static String sign(RSAKey key, String issuer, String sub, List<String> roles, Instant expires) {
        return sign(key, issuer, sub, roles, expires, Map.of());
    }

    private static String sign(RSAKey key, String issuer, String sub, List<String> roles, Instant expires,
            Map<String, Object> extra) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(sub).audience("eduweek")
                    .issueTime(Date.from(Instant.now().minusSeconds(5))).expirationTime(Date.from(expires))
                    .claim("roles", roles);
            extra.forEach(claims::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
