package org.eduweek.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one trust rule of the gateway and every service. */
class TrustedIssuersTest {

    private static final String KEYCLOAK = "http://127.0.0.1:8180/realms/eduweek";
    private static final String SSO = "https://sso.example.edu/realms/eduweek";
    private static final String SSO_KEYS = SSO + "/protocol/openid-connect/certs";

    @Test
    void localTrustsTheDevProviderByDefaultAndTheSignInProviderBesideIt() {
        assertThat(TrustedIssuers.resolve(null, null, KEYCLOAK, true)).containsExactly(
                new TrustedIssuer(TrustedIssuers.DEV_ISSUER, TrustedIssuers.DEV_JWK_SET_URI),
                TrustedIssuer.discovered(KEYCLOAK));
        assertThat(TrustedIssuers.resolve("", " ", null, true)).containsExactly(
                new TrustedIssuer(TrustedIssuers.DEV_ISSUER, TrustedIssuers.DEV_JWK_SET_URI));
        // the launcher names its own dev provider on a stack port
        assertThat(TrustedIssuers.resolve("http://127.0.0.1:4711", "http://127.0.0.1:4711/.well-known/jwks.json",
                KEYCLOAK, true)).extracting(TrustedIssuer::issuer).containsExactly("http://127.0.0.1:4711", KEYCLOAK);
    }

    @Test
    void outsideLocalTrustsExactlyTheConfiguredIssuer() {
        assertThat(TrustedIssuers.resolve(SSO, SSO_KEYS, SSO, false)).containsExactly(new TrustedIssuer(SSO, SSO_KEYS));
        // a sign-in provider that differs from JWT_ISSUER is not trusted on top
        assertThat(TrustedIssuers.resolve(SSO, SSO_KEYS, KEYCLOAK, false)).extracting(TrustedIssuer::issuer)
                .containsExactly(SSO);
        // only the sign-in provider configured (a gateway with OIDC_ISSUER_URI alone): that one, keys by discovery
        assertThat(TrustedIssuers.resolve(null, null, SSO, false)).containsExactly(TrustedIssuer.discovered(SSO));
        assertThat(TrustedIssuers.resolve(null, TrustedIssuers.DEV_JWK_SET_URI, SSO, false))
                .containsExactly(TrustedIssuer.discovered(SSO));
    }

    @Test
    void outsideLocalWithNoIssuerConfiguredRefusesWithTheVariableToSet() {
        assertThatThrownBy(() -> TrustedIssuers.resolve(null, null, null, false))
                .isInstanceOf(TrustedIssuers.IssuerNotConfiguredException.class)
                .hasMessageStartingWith("JWT_ISSUER is not set")
                .hasMessageContaining("local profile");
        // keys alone are no issuer: the dev provider's would otherwise be trusted by accident
        assertThatThrownBy(() -> TrustedIssuers.resolve(" ", TrustedIssuers.DEV_JWK_SET_URI, "", false))
                .isInstanceOf(TrustedIssuers.IssuerNotConfiguredException.class);
    }

    @Test
    void theFailureAnalyzerSaysWhatToSetInOneLine() {
        var analysis = new IssuerNotConfiguredFailureAnalyzer().analyze(
                new IllegalStateException("bean creation failed", new TrustedIssuers.IssuerNotConfiguredException()));
        assertThat(analysis.getDescription()).startsWith("JWT_ISSUER is not set").doesNotContain("\n");
        assertThat(analysis.getAction()).isEqualTo("Set JWT_ISSUER and start again.");
    }
}
