package org.eduweek.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class JwtValidationTest {

    private final EduweekSecurityProperties props = new EduweekSecurityProperties(TestTokens.ISSUER + "/.well-known/jwks.json", TestTokens.ISSUER,
            TestTokens.AUDIENCE, null, null, null, null);
    private final NimbusJwtDecoder decoder = decoder();

    private NimbusJwtDecoder decoder() {
        NimbusJwtDecoder d = TestTokens.decoder();
        d.setJwtValidator(JwtSecurityConfiguration.validator(props));
        return d;
    }

    @Test
    void acceptsAWellFormedTokenAndMapsRolesToAuthorities() {
        Jwt jwt = decoder.decode(TestTokens.token("alice", List.of("PARTICIPANT", "ORGANIZER"),
                Map.of("phone_number", "+8613800138000")));

        assertThat(JwtSecurityConfiguration.roles(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_PARTICIPANT", "ROLE_ORGANIZER");
        CurrentUser user = CurrentUser.from(jwt);
        assertThat(user.id()).isEqualTo("alice");
        assertThat(user.phoneNumber()).isEqualTo("+8613800138000");
        assertThat(user.isStaff()).isTrue();
    }

    @Test
    void readsAKeycloakLanguageTagAsTheContractsLocale() {
        Jwt jwt = decoder.decode(TestTokens.token("k", List.of("PARTICIPANT"), Map.of("locale", "zh-Hans")));
        assertThat(CurrentUser.from(jwt).locale()).isEqualTo("zh");
        assertThat(CurrentUser.language("en-GB")).isEqualTo("en");
        assertThat(CurrentUser.language(null)).isNull();
    }

    @Test
    void trustsTheSignInProviderBesidesTheConfiguredIssuerInTheLocalProfileOnly() {
        EduweekSecurityProperties withKeycloak = new EduweekSecurityProperties(TestTokens.ISSUER + "/.well-known/jwks.json", TestTokens.ISSUER,
                TestTokens.AUDIENCE, null, null, null, "http://127.0.0.1:8180/realms/eduweek");

        assertThat(JwtSecurityConfiguration.decoder(withKeycloak, true))
                .isInstanceOf(org.eduweek.platform.tokens.MultiIssuerJwtDecoder.class);
        assertThat(JwtSecurityConfiguration.decoder(withKeycloak, false)).isInstanceOf(NimbusJwtDecoder.class);
        assertThat(JwtSecurityConfiguration.decoder(props, true)).isInstanceOf(NimbusJwtDecoder.class);
    }

    @Test
    void rejectsAnotherIssuer() {
        String token = TestTokens.sign(TestTokens.key(), "eve", List.of("ADMIN"), Map.of(), "https://evil.example",
                TestTokens.AUDIENCE, Instant.now().plusSeconds(60));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsAnotherAudience() {
        String token = TestTokens.sign(TestTokens.key(), "eve", List.of("ADMIN"), Map.of(), TestTokens.ISSUER,
                "some-other-app", Instant.now().plusSeconds(60));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsAnExpiredToken() {
        String token = TestTokens.sign(TestTokens.key(), "eve", List.of("ADMIN"), Map.of(), TestTokens.ISSUER,
                TestTokens.AUDIENCE, Instant.now().minusSeconds(3600));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsATokenWithoutExpiry() {
        java.util.Map<String, Object> noExpiry = new java.util.HashMap<>();
        noExpiry.put("exp", null);
        String token = TestTokens.sign(TestTokens.key(), "eve", List.of("ADMIN"), noExpiry, TestTokens.ISSUER,
                TestTokens.AUDIENCE, Instant.now().plusSeconds(60));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("exp");
    }

    @Test
    void rejectsATokenIssuedInTheFuture() {
        String token = TestTokens.sign(TestTokens.key(), "eve", List.of("ADMIN"),
                Map.of("iat", java.util.Date.from(Instant.now().plusSeconds(3600))), TestTokens.ISSUER,
                TestTokens.AUDIENCE, Instant.now().plusSeconds(7200));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("iat");
    }

    @Test
    void rejectsATokenThatLivesLongerThanADay() {
        String token = TestTokens.sign(TestTokens.key(), "eve", List.of("ADMIN"), Map.of(), TestTokens.ISSUER,
                TestTokens.AUDIENCE, Instant.now().plus(java.time.Duration.ofDays(30)));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class)
                .hasMessageContaining("longer");
    }

    @Test
    void rejectsATokenSignedWithAnUntrustedKey() {
        String token = TestTokens.sign(TestTokens.otherKey(), "eve", List.of("ADMIN"), Map.of(), TestTokens.ISSUER,
                TestTokens.AUDIENCE, Instant.now().plusSeconds(60));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsAnUnsignedToken() {
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes());
        String body = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"eve\",\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"eduweek\",\"roles\":[\"ADMIN\"],"
                        + "\"exp\":" + (Instant.now().getEpochSecond() + 60) + "}").getBytes());
        assertThatThrownBy(() -> decoder.decode(header + "." + body + ".")).isInstanceOf(JwtException.class);
    }
}
