package org.eduweek.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.eduweek.registration.config.RegistrationProperties;

class QrTokensTest {

    private final QrTokens tokens = new QrTokens(new RegistrationProperties("secret-1", null, null, null));

    @Test
    void aTokenItIssuedVerifiesToItsIds() {
        QrTokens.Claims c = tokens.verify(tokens.issue("reg-1", "ses-1"));
        assertThat(c).isEqualTo(new QrTokens.Claims("reg-1", "ses-1"));
    }

    @Test
    void aTamperedOrForeignTokenIsRejected() {
        String token = tokens.issue("reg-1", "ses-1");
        String[] p = token.split("\\.");
        String otherReg = p[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("reg-2".getBytes()) + "." + p[2] + "." + p[3];
        assertThat(tokens.verify(otherReg)).isNull();
        assertThat(new QrTokens(new RegistrationProperties("other", null, null, null)).verify(token)).isNull();
        assertThat(tokens.verify("garbage")).isNull();
        assertThat(tokens.verify(null)).isNull();
    }
}
