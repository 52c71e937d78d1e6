package org.eduweek.registration.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;

class AccountDirectoryUnitTest {

    @Test
    void namesAreSplitAtTheLastSpaceAndAOneWordNameStaysWhole() {
        assertThat(KeycloakAccountDirectory.splitName("Ada King Lovelace")).containsExactly("Ada King", "Lovelace");
        assertThat(KeycloakAccountDirectory.splitName("  Grace Hopper ")).containsExactly("Grace", "Hopper");
        assertThat(KeycloakAccountDirectory.splitName("李明")).containsExactly("李明", null);
    }

    @Test
    void anAccountsNameIsFirstAndLastNameElseItsUsername() {
        UserRepresentation u = new UserRepresentation();
        u.setUsername("ada@example.org");
        assertThat(KeycloakAccountDirectory.name(u)).isEqualTo("ada@example.org");
        u.setFirstName("Ada");
        assertThat(KeycloakAccountDirectory.name(u)).isEqualTo("Ada");
        u.setLastName("Lovelace");
        assertThat(KeycloakAccountDirectory.name(u)).isEqualTo("Ada Lovelace");
    }

    @Test
    void withoutAUrlTheDirectoryIsUnconfiguredAndEveryCallIsUnavailable() {
        IdentityAdminProperties props = new IdentityAdminProperties(" ", null, null, null, null, null, null);
        assertThat(props.configured()).isFalse();
        assertThat(props.realm()).isEqualTo("eduweek");
        assertThat(props.clientId()).isEqualTo("eduweek-registration-admin");
        assertThat(props.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        UnconfiguredAccountDirectory directory = new UnconfiguredAccountDirectory();
        assertThatThrownBy(() -> directory.search("x", 20)).isInstanceOf(IdentityAdminUnavailableException.class);
        assertThatThrownBy(() -> directory.setOrganizer("s", true))
                .isInstanceOf(IdentityAdminUnavailableException.class);
        assertThatThrownBy(() -> directory.invite("a@b.org", "A", "en"))
                .isInstanceOf(IdentityAdminUnavailableException.class);
        assertThat(new IdentityAdminProperties("https://sso.example.edu/", null, null, null, null, null, null).url())
                .isEqualTo("https://sso.example.edu");
    }
}
