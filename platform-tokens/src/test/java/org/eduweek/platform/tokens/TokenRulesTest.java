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

    @Test
    void readsTheRolesClaimAsRoleAuthorities() {
        Jwt jwt = token(ISSUER, List.of("eduweek"), Instant.now().plusSeconds(600));
        assertThat(TokenRules.authorities(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_PARTICIPANT");
        Jwt none = Jwt.withTokenValue("t").header("alg", "RS256").subject("bob").build();
        assertThat(TokenRules.authorities(none)).isEmpty();
    }
}
