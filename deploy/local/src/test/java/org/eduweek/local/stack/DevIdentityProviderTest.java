package org.eduweek.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevIdentityProviderTest {

    @TempDir
    Path dir;

    @Test
    void keepsItsKeyAcrossRestarts() throws Exception {
        String first = DevIdentityProvider.open(dir, "http://idp").jwkSetJson();
        String second = DevIdentityProvider.open(dir, "http://idp").jwkSetJson();
        assertThat(second).isEqualTo(first).doesNotContain("\"d\"");
    }

    @Test
    void defaultsDeriveFromTheRoles() throws Exception {
        DevIdentityProvider idp = DevIdentityProvider.open(dir, "http://idp");
        var participant = SignedJWT.parse(idp.issue(null).access_token()).getJWTClaimsSet();
        assertThat(participant.getSubject()).isEqualTo("demo-participant");
        assertThat(participant.getStringClaim("name")).isEqualTo("Demo Participant");
        assertThat(participant.getStringClaim("email")).isEqualTo("demo-participant@example.edu");
        assertThat(participant.getStringListClaim("roles")).containsExactly("PARTICIPANT");
        assertThat(participant.getExpirationTime().getTime() - participant.getIssueTime().getTime()).isEqualTo(3_600_000);

        var organizer = SignedJWT.parse(idp.issue(new DevIdentityProvider.TokenRequest(null, null, null, null, null,
                List.of("ORGANIZER"), null)).access_token()).getJWTClaimsSet();
        assertThat(organizer.getSubject()).isEqualTo("demo-organizer");
    }

    @Test
    void rejectsUnknownRolesLocalesPhonesAndTtls() throws Exception {
        DevIdentityProvider idp = DevIdentityProvider.open(dir, "http://idp");
        assertThatThrownBy(() -> idp.issue(new DevIdentityProvider.TokenRequest(null, null, null, null, null,
                List.of("KING"), null))).isInstanceOf(BadRequest.class).hasMessageContaining("roles");
        assertThatThrownBy(() -> idp.issue(new DevIdentityProvider.TokenRequest(null, null, null, null, "fr", null,
                null))).hasMessageContaining("locale");
        assertThatThrownBy(() -> idp.issue(new DevIdentityProvider.TokenRequest(null, null, null, "138", null, null,
                null))).hasMessageContaining("phone_number");
        assertThatThrownBy(() -> idp.issue(new DevIdentityProvider.TokenRequest(null, null, null, null, null, null,
                86_401))).hasMessageContaining("ttlSeconds");
    }
}
