package org.eduweek.gateway.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eduweek.gateway.GatewayApplication;
import org.eduweek.platform.secrets.SecretsGuard;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** The portal's client secret outside the local profile: the services' rule, while the sign-in is on. */
class GatewaySecretsTest {

    static final String ISSUER = "https://sso.example.edu/realms/eduweek";

    private static MockEnvironment env(String issuer, String secret) {
        return new MockEnvironment()
                .withProperty("eduweek.security.oidc.issuer-uri", issuer)
                .withProperty("eduweek.security.oidc.client-secret", secret);
    }

    @Test
    void theGatewayDoesNotStartWithoutTheClientSecretNamingTheVariable() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.NONE)
                .run("--eduweek.security.oidc.issuer-uri=" + ISSUER, "--eduweek.security.issuer=" + ISSUER,
                        "--server.port=0", "--management.server.port=0"))
                .isInstanceOf(SecretsGuard.WeakSecretException.class)
                .hasMessageStartingWith("OIDC_CLIENT_SECRET is not set");
    }

    @Test
    void refusesAPublicOrShortSecretAndAcceptsALongOne() {
        assertThatThrownBy(() -> GatewaySecretsConfiguration.check(env(ISSUER, "portal-secret")))
                .isInstanceOf(SecretsGuard.WeakSecretException.class)
                .hasMessageStartingWith("OIDC_CLIENT_SECRET is shorter than 32 characters");
        assertThatThrownBy(() -> GatewaySecretsConfiguration.check(env(ISSUER, "dev-only-qr-secret-change-me")))
                .hasMessageStartingWith("OIDC_CLIENT_SECRET holds the public development value");
        assertThatCode(() -> GatewaySecretsConfiguration.check(env(ISSUER, "k2Vb9uQx7LmN4pRs8tWy1zAc3dEf6gHj")))
                .doesNotThrowAnyException();
    }

    @Test
    void noSignInNoSecretAndTheLocalProfileRunsWithTheLaunchersSecret() {
        assertThatCode(() -> GatewaySecretsConfiguration.check(env("", ""))).doesNotThrowAnyException();
        MockEnvironment local = env(ISSUER, "");
        local.setActiveProfiles("local");
        assertThatCode(() -> GatewaySecretsConfiguration.check(local)).doesNotThrowAnyException();
    }
}
