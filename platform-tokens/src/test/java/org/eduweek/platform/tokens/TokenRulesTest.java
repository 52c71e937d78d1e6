package org.eduweek.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenRulesTest {

    private static final String ISSUER = "https://sso.example.edu";

    private static Jwt token(String issuer, List<String> audience, Instant expires) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("alice").issuer(issuer).audience(audience)
                .issuedAt(expires.minusSeconds(600)).expiresAt(expires).claim("roles", List.of("PARTICIPANT"))
                .build();
    }

    @Test
    void acceptsOurIssuerAndAudience() {
        Jwt jwt = token(ISSUER, List.of("eduweek"), Instant.now().plusSeconds(600));
        assertThat(TokenRules.validator(ISSUER, "eduweek").validate(jwt).hasErrors()).isFalse();
    }

    @Test
    void refusesAnotherAudienceAnotherIssuerAndAnExpiredToken() {
        Instant later = Instant.now().plusSeconds(600);
        var rules = TokenRules.validator(ISSUER, "eduweek");
        assertThat(rules.validate(token(ISSUER, List.of("other-app"), later)).hasErrors()).isTrue();
        assertThat(rules.validate(token("https://evil.example", List.of("eduweek"), later)).hasErrors()).isTrue();
        assertThat(rules.validate(token(ISSUER, List.of("eduweek"), Instant.now().minusSeconds(3600))).hasErrors())
                .isTrue();
    }

    private static Jwt.Builder valid() {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("alice").issuer(ISSUER)
                .audience(List.of("eduweek"));
    }

    @Test
    void refusesATokenWithoutExpiry() {
        Jwt jwt = valid().issuedAt(Instant.now()).build();
        assertThat(TokenRules.validator(ISSUER, "eduweek").validate(jwt).getErrors())
                .anySatisfy(e -> assertThat(e.getDescription()).contains("exp"));
    }

    @Test
    void refusesATokenIssuedOrValidOnlyInTheFutureBeyondTheClockSkew() {
        Instant now = Instant.now();
        var rules = TokenRules.validator(ISSUER, "eduweek");
        Jwt issuedLater = valid().issuedAt(now.plusSeconds(600)).expiresAt(now.plusSeconds(1200)).build();
        Jwt notYet = valid().issuedAt(now).notBefore(now.plusSeconds(600)).expiresAt(now.plusSeconds(1200)).build();
        Jwt slightlyAhead = valid().issuedAt(now.plusSeconds(30)).expiresAt(now.plusSeconds(1200)).build();

        assertThat(rules.validate(issuedLater).hasErrors()).isTrue();
        assertThat(rules.validate(notYet).hasErrors()).isTrue();
        assertThat(rules.validate(slightlyAhead).hasErrors()).as("within the clock skew").isFalse();
    }

    @Test
    void refusesATokenThatLivesLongerThanTheMaximumLifetime() {
        Instant now = Instant.now();
        Jwt day = valid().issuedAt(now).expiresAt(now.plus(java.time.Duration.ofHours(24))).build();
        Jwt week = valid().issuedAt(now).expiresAt(now.plus(java.time.Duration.ofDays(7))).build();
        Jwt weekWithoutIat = valid().expiresAt(now.plus(java.time.Duration.ofDays(7))).build();

        assertThat(TokenRules.validator(ISSUER, "eduweek").validate(day).hasErrors()).isFalse();
        assertThat(TokenRules.validator(ISSUER, "eduweek").validate(week).hasErrors()).isTrue();
        assertThat(TokenRules.validator(ISSUER, "eduweek").validate(weekWithoutIat).hasErrors()).isTrue();
        assertThat(TokenRules.validator(ISSUER, "eduweek", java.time.Duration.ofHours(1)).validate(day).hasErrors())
                .as("JWT_MAX_LIFETIME=1h").isTrue();
    }

    @Test
    void readsTheRolesClaimAsRoleAuthorities() {
        Jwt jwt = token(ISSUER, List.of("eduweek"), Instant.now().plusSeconds(600));
        assertThat(TokenRules.authorities(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_PARTICIPANT");
        Jwt none = Jwt.withTokenValue("t").header("alg", "RS256").subject("bob").build();
        assertThat(TokenRules.authorities(none)).isEmpty();
    }
}
