package org.eduweek.local.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    /**
     * Deletes a client of the eduweek realm (and with it its service account), as a realm imported before the client
     * existed lacks it; answers whether it was there.
     */
    public static boolean deleteClient(KeycloakServer keycloak, String clientId) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        String token = json.readTree(http.send(HttpRequest.newBuilder(URI.create(keycloak.url()
                + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakAdmin.form(Map.of("grant_type", "password",
                        "client_id", "admin-cli", "username", keycloak.adminUser(), "password",
                        keycloak.adminPassword())))).build(), HttpResponse.BodyHandlers.ofString()).body())
                .path("access_token").asText();
        String admin = keycloak.url() + "/admin/realms/" + KeycloakServer.REALM;
        JsonNode found = json.readTree(http.send(HttpRequest.newBuilder(URI.create(admin + "/clients?clientId="
                + clientId)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        if (!found.isArray() || found.isEmpty()) {
            return false;
        }
        int status = http.send(HttpRequest.newBuilder(URI.create(admin + "/clients/" + found.get(0).path("id").asText()))
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 204) {
            throw new IOException("Deleting client " + clientId + " answered HTTP " + status);
        }
        return true;
    }
}
