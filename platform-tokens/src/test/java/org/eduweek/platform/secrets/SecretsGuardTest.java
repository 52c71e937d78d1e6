package org.eduweek.platform.secrets;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SecretsGuardTest {

    private static MockEnvironment withQrSecret(String value) {
        return new MockEnvironment()
                .withProperty("eduweek.registration.qr-secret", value == null ? "" : value)
                .withProperty("eduweek.secrets.EDUWEEK_QR_SECRET", "${eduweek.registration.qr-secret}");
    }

    @Test
    void refusesAMissingPublicOrShortSecretOutsideTheLocalProfileNamingTheVariable() {
        assertThatThrownBy(() -> SecretsGuard.check(withQrSecret(null)))
                .isInstanceOf(SecretsGuard.WeakSecretException.class)
                .hasMessageStartingWith("EDUWEEK_QR_SECRET is not set");
        assertThatThrownBy(() -> SecretsGuard.check(withQrSecret("dev-only-qr-secret-change-me")))
                .hasMessageStartingWith("EDUWEEK_QR_SECRET holds the public development value");
        assertThatThrownBy(() -> SecretsGuard.check(withQrSecret("short-secret")))
                .hasMessageStartingWith("EDUWEEK_QR_SECRET is shorter than 32 characters");
    }

    @Test
    void acceptsALongSecretOfItsOwn() {
        assertThatCode(() -> SecretsGuard.check(withQrSecret("k2Vb9uQx7LmN4pRs8tWy1zAc3dEf6gHj")))
                .doesNotThrowAnyException();
    }

    @Test
    void theLocalProfileRunsWithTheDevelopmentValues() {
        MockEnvironment env = withQrSecret("dev-only-qr-secret-change-me");
        env.setActiveProfiles("local");
        assertThatCode(() -> SecretsGuard.check(env)).doesNotThrowAnyException();
    }

    @Test
    void theFailureReadsAsOneLineWithTheVariableToSet() {
        SecretsGuard.WeakSecretException e = new SecretsGuard.WeakSecretException("EDUWEEK_QR_SECRET", "is not set");
        var analysis = new WeakSecretFailureAnalyzer().analyze(e);
        org.assertj.core.api.Assertions.assertThat(analysis.getDescription()).doesNotContain("\n")
                .contains("EDUWEEK_QR_SECRET");
        org.assertj.core.api.Assertions.assertThat(analysis.getAction()).contains("EDUWEEK_QR_SECRET");
    }
}
