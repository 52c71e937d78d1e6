package org.eduweek.local.keycloak;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/** Accounts for browser tests, made through Keycloak's admin REST API so the real sign-in is used with them. */
public final class KeycloakAccounts {

    private KeycloakAccounts() {
    }

    /** An account of the eduweek realm with a permanent password and the given realm roles; answers its id. */
    public static String create(KeycloakServer keycloak, String email, String firstName, String lastName,
            String password, List<String> realmRoles) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new KeycloakAdmin(http, keycloak.url(), keycloak.adminPassword())
                .createUser(KeycloakServer.REALM, email, email, firstName, lastName, password, realmRoles);
    }
}
