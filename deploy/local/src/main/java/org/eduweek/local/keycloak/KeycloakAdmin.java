package org.eduweek.local.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The few admin REST calls the launcher makes, as the local admin of the master realm. */
final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String adminPassword;

    KeycloakAdmin(HttpClient http, String baseUrl, String adminPassword) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.adminPassword = adminPassword;
    }

    /** Points the realm's outgoing mail at this run's SMTP capture (its port changes between runs in tests). */
    void useMailCapture(String realm, String host, int port) throws InterruptedException {
        try {
            String token = token();
            JsonNode current = JSON.readTree(send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm))
                    .header("Authorization", "Bearer " + token).GET(), 200));
            ObjectNode smtp = current.path("smtpServer").isObject() ? (ObjectNode) current.get("smtpServer")
                    : JSON.createObjectNode();
            if (host.equals(smtp.path("host").asText()) && String.valueOf(port).equals(smtp.path("port").asText())) {
                return;
            }
            smtp.put("host", host).put("port", String.valueOf(port));
            ObjectNode update = JSON.createObjectNode();
            update.set("smtpServer", smtp);
            send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(update))), 204);
        } catch (IOException e) {
            throw new IllegalStateException("Could not point Keycloak's realm " + realm + " at the mail capture: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Creates or updates the confidential client registration-service signs in with (client credentials, no other
     * flow) with this secret, and gives its service account realm-management's {@code roles}. The realm file
     * declares the same client, but a realm imported before it was added, or one whose secret changed, only gets it
     * this way: an existing realm is never imported again.
     */
    void ensureServiceAccountClient(String realm, String clientId, String secret, List<String> roles)
            throws InterruptedException {
        try {
            String token = token();
            String admin = baseUrl + "/admin/realms/" + realm;
            JsonNode found = JSON.readTree(send(HttpRequest.newBuilder(URI.create(admin + "/clients?clientId="
                    + URLEncoder.encode(clientId, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token)
                    .GET(), 200));
            ObjectNode client = found.isArray() && !found.isEmpty() ? (ObjectNode) found.get(0) : JSON.createObjectNode();
            client.put("clientId", clientId).put("enabled", true).put("protocol", "openid-connect")
                    .put("publicClient", false).put("clientAuthenticatorType", "client-secret").put("secret", secret)
                    .put("standardFlowEnabled", false).put("implicitFlowEnabled", false)
                    .put("directAccessGrantsEnabled", false).put("serviceAccountsEnabled", true)
                    .put("consentRequired", false);
            String id;
            if (client.hasNonNull("id")) {
                id = client.get("id").asText();
                send(HttpRequest.newBuilder(URI.create(admin + "/clients/" + id)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))), 204);
            } else {
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(admin + "/clients"))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build(),
                        HttpResponse.BodyHandlers.ofString());
                String location = created.headers().firstValue("Location").orElse("");
                if (created.statusCode() != 201 || location.isEmpty()) {
                    throw new IOException("Creating client " + clientId + " answered HTTP " + created.statusCode()
                            + ": " + abbreviate(created.body()));
                }
                id = location.substring(location.lastIndexOf('/') + 1);
            }
            String serviceAccount = JSON.readTree(send(HttpRequest.newBuilder(URI.create(admin + "/clients/" + id
                    + "/service-account-user")).header("Authorization", "Bearer " + token).GET(), 200)).path("id").asText();
            String realmManagement = JSON.readTree(send(HttpRequest.newBuilder(URI.create(admin
                    + "/clients?clientId=realm-management")).header("Authorization", "Bearer " + token).GET(), 200))
                    .path(0).path("id").asText();
            ArrayNode wanted = JSON.createArrayNode();
            for (String role : roles) {
                wanted.add(JSON.readTree(send(HttpRequest.newBuilder(URI.create(admin + "/clients/" + realmManagement
                        + "/roles/" + URLEncoder.encode(role, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token).GET(), 200)));
            }
            send(HttpRequest.newBuilder(URI.create(admin + "/users/" + serviceAccount + "/role-mappings/clients/"
                    + realmManagement)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(wanted))), 204);
        } catch (IOException e) {
            throw new IllegalStateException("Could not set up Keycloak's client " + clientId + " in realm " + realm
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * A ready account of the realm (email verified, a permanent password, nothing left to do at the first sign-in)
     * holding the given realm roles besides the realm's defaults; answers its id.
     */
    String createUser(String realm, String username, String email, String firstName, String lastName, String password,
            List<String> realmRoles) throws IOException, InterruptedException {
        String token = token();
        String admin = baseUrl + "/admin/realms/" + realm;
        ObjectNode user = JSON.createObjectNode().put("username", username).put("email", email)
                .put("firstName", firstName).put("lastName", lastName).put("enabled", true).put("emailVerified", true);
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(admin + "/users"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = created.headers().firstValue("Location").orElse("");
        if (created.statusCode() != 201 || location.isEmpty()) {
            throw new IOException("Creating user " + username + " answered HTTP " + created.statusCode() + ": "
                    + abbreviate(created.body()));
        }
        String id = location.substring(location.lastIndexOf('/') + 1);
        ArrayNode roles = JSON.createArrayNode();
        for (String role : realmRoles) {
            roles.add(JSON.readTree(send(HttpRequest.newBuilder(URI.create(admin + "/roles/"
                    + URLEncoder.encode(role, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token).GET(), 200)));
        }
        if (!roles.isEmpty()) {
            send(HttpRequest.newBuilder(URI.create(admin + "/users/" + id + "/role-mappings/realm"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(roles))), 204);
        }
        return id;
    }

    /**
     * Applies the realm file's user profile (which attributes an account has and which are required) to the running
     * realm: an import happens only when a data folder is new, so a folder made earlier would otherwise keep the
     * profile it was created with.
     */
    void applyUserProfile(String realm, String realmJson) throws InterruptedException {
        try {
            JsonNode providers = JSON.readTree(realmJson).path("components")
                    .path("org.keycloak.userprofile.UserProfileProvider");
            String profile = providers.path(0).path("config").path("kc.user.profile.config").path(0).asText("");
            if (profile.isEmpty()) {
                return;
            }
            send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + "/users/profile"))
                    .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(profile)), 200);
        } catch (IOException e) {
            throw new IllegalStateException("Could not apply the realm file's user profile to realm " + realm + ": "
                    + e.getMessage(), e);
        }
    }

    private String token() throws IOException, InterruptedException {
        String form = form(Map.of("grant_type", "password", "client_id", "admin-cli", "username", KeycloakHome.ADMIN_USER,
                "password", adminPassword));
        String body = send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), 200);
        return JSON.readTree(body).path("access_token").asText();
    }

    private String send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(response.request().method() + " " + response.request().uri() + " answered HTTP "
                    + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return response.body();
    }

    static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
