package org.eduweek.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import org.eduweek.platform.tokens.TrustedIssuers;

/** A service outside the local profile with no issuer configured does not start, and says what to set. */
class IssuerStartupTest {

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class, JwtSecurityConfiguration.class));

    @Test
    void outsideLocalWithoutAnIssuerTheServiceRefusesToStart() {
        context.run(c -> assertThat(c).hasFailed().getFailure().rootCause()
                .isInstanceOf(TrustedIssuers.IssuerNotConfiguredException.class)
                .hasMessageStartingWith("JWT_ISSUER is not set"));
        context.withPropertyValues("eduweek.security.jwk-set-uri=" + TrustedIssuers.DEV_JWK_SET_URI)
                .run(c -> assertThat(c).hasFailed());
    }

    @Test
    void inLocalWithoutAnIssuerTheDevProviderIsTrusted() {
        context.withPropertyValues("spring.profiles.active=local")
                .run(c -> assertThat(c).hasNotFailed().hasSingleBean(JwtDecoder.class));
    }

    @Test
    void outsideLocalTheConfiguredIssuerIsEnough() {
        context.withPropertyValues("eduweek.security.issuer=https://sso.example.edu/realms/eduweek",
                "eduweek.security.jwk-set-uri=https://sso.example.edu/realms/eduweek/protocol/openid-connect/certs")
                .run(c -> assertThat(c).hasNotFailed().hasSingleBean(JwtDecoder.class));
    }
}
