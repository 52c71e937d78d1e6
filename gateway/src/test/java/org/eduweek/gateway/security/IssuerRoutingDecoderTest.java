package org.eduweek.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eduweek.gateway.config.OidcProperties;
import org.eduweek.gateway.config.SecurityProperties;
import org.eduweek.platform.tokens.TrustedIssuers;
import org.eduweek.platform.testing.TestTokens;
import org.eduweek.platform.tokens.TokenRules;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

import com.nimbusds.jose.jwk.RSAKey;

class IssuerRoutingDecoderTest {

    private static final String DEV = TestTokens.ISSUER;
    private static final String SSO = "https://sso.example.edu/realms/eduweek";
    private static final RSAKey SSO_KEY = TestTokens.otherKey();
    private static final Instant HOUR_AHEAD = Instant.now().plusSeconds(3600);

    private final IssuerRoutingDecoder both =
            new IssuerRoutingDecoder(issuers(Map.of(DEV, TestTokens.key(), SSO, SSO_KEY)));

    @Test
    void eachIssuersTokensAreCheckedWithItsOwnKeysAndRules() {
        Jwt dev = both.decode(TestTokens.participant("alice")).block();
        assertThat(dev.getSubject()).isEqualTo("alice");
        Jwt sso = both.decode(sign(SSO_KEY, SSO, "eduweek")).block();
        assertThat(sso.getSubject()).isEqualTo("f3c1a2");
        assertThat(both.validate(dev).hasErrors()).isFalse();
        assertThat(both.validate(sso).hasErrors()).isFalse();
    }

    @Test
    void refusesAnotherIssuersKeyAnUnknownIssuerAndMalformedTokens() {
        // the provider's issuer, signed with the dev provider's key: the provider's keys decide
        assertThatThrownBy(() -> both.decode(sign(TestTokens.key(), SSO, "eduweek")).block())
                .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> both.decode(sign(SSO_KEY, "https://evil.example", "eduweek")).block())
                .isInstanceOf(BadJwtException.class).hasMessageContaining("not trusted");
        assertThatThrownBy(() -> both.decode("not-a-jwt").block()).isInstanceOf(BadJwtException.class);
        // each issuer keeps every token rule: audience here
        assertThatThrownBy(() -> both.decode(sign(SSO_KEY, SSO, "other-app")).block())
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void aCachedTokenIsValidatedByTheRulesOfItsIssuer() {
        Jwt foreign = Jwt.withTokenValue("t").header("alg", "RS256").issuer("https://evil.example").subject("x")
                .audience(List.of("eduweek")).issuedAt(Instant.now()).expiresAt(HOUR_AHEAD).build();
        assertThat(both.validate(foreign).hasErrors()).isTrue();
    }

    @Test
    void trustsIssuersByTheServicesRule() {
        OidcProperties oidc = new OidcProperties(SSO, "eduweek-portal", "s", List.of("openid"), Duration.ofSeconds(60), 60);
        OidcProperties none = new OidcProperties("", "eduweek-portal", "", List.of("openid"), Duration.ofSeconds(60), 60);
        SecurityProperties defaults = new SecurityProperties("", "", "eduweek", null);
        SecurityProperties explicit = new SecurityProperties("https://idp.example.edu/jwks", "https://idp.example.edu",
                "eduweek", null);

        // local: the dev provider by default, the sign-in provider beside it
        assertThat(JwtConfiguration.trustedIssuers(defaults, none, true).issuers())
                .containsExactly(TrustedIssuers.DEV_ISSUER);
        assertThat(JwtConfiguration.trustedIssuers(defaults, oidc, true).issuers())
                .containsExactly(TrustedIssuers.DEV_ISSUER, SSO);
        // elsewhere: exactly the configured issuer, and the sign-in provider only when no JWT_ISSUER is set
        assertThat(JwtConfiguration.trustedIssuers(defaults, oidc, false).issuers()).containsExactly(SSO);
        assertThat(JwtConfiguration.trustedIssuers(explicit, oidc, false).issuers())
                .containsExactly("https://idp.example.edu");
        assertThat(JwtConfiguration.trustedIssuers(explicit, none, false).issuers())
                .containsExactly("https://idp.example.edu");
        SecurityProperties same = new SecurityProperties(SSO + "/protocol/openid-connect/certs", SSO, "eduweek", null);
        assertThat(JwtConfiguration.trustedIssuers(same, oidc, false).issuers()).containsExactly(SSO);
        // and nothing configured outside local: no start, with the variable to set
        assertThatThrownBy(() -> JwtConfiguration.trustedIssuers(defaults, none, false))
                .isInstanceOf(TrustedIssuers.IssuerNotConfiguredException.class)
                .hasMessageStartingWith("JWT_ISSUER is not set");
    }

    private static Map<String, IssuerRoutingDecoder.Issuer> issuers(Map<String, RSAKey> keys) {
        Map<String, IssuerRoutingDecoder.Issuer> issuers = new LinkedHashMap<>();
        keys.forEach((issuer, key) -> {
            try {
                NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(key.toRSAPublicKey())
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build();
                OAuth2TokenValidator<Jwt> validator = TokenRules.validator(issuer, "eduweek");
                decoder.setJwtValidator(validator);
                issuers.put(issuer, new IssuerRoutingDecoder.Issuer(decoder, validator));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return issuers;
    }

    private static String sign(RSAKey key, String issuer, String audience) {
        return TestTokens.sign(key, "f3c1a2", List.of("PARTICIPANT"), Map.of(), issuer, audience, HOUR_AHEAD);
    }
}
