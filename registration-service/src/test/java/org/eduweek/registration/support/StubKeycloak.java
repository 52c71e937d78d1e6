package org.eduweek.registration.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The few endpoints of Keycloak's admin REST API (and its token endpoint) that registration-service calls, as a JDK
 * HTTP server holding users and their realm roles in memory: what the real API answers, byte for byte where the
 * admin client reads it. One per test JVM ({@link #shared()}), so the shared Spring context points at it; it can be
 * stopped and started again on the same port to play an unreachable Keycloak.
 */
public final class StubKeycloak {

    public static final String REALM = "eduweek";
    public static final String CLIENT_ID = "eduweek-registration-admin";
    public static final String CLIENT_SECRET = "stub-keycloak-client-secret-0123456789abcdef";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern USER = Pattern.compile("/admin/realms/" + REALM + "/users/([^/]+)(/.*)?");
    private static final List<String> REALM_ROLES = List.of("PARTICIPANT", "ORGANIZER", "ADMIN");
    private static StubKeycloak shared;

    public record User(String id, String username, String email, String firstName, String lastName,
            Map<String, List<String>> attributes, Set<String> roles) {
    }

    public record ActionsEmail(String userId, List<String> actions, String lifespan) {
    }

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final List<ActionsEmail> mails = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile int boundPort;
    private volatile HttpServer server;
    private volatile boolean failMails;
    private volatile long delayMillis;
    private volatile int tokensIssued;

    private StubKeycloak(int port) throws IOException {
        this.port = port;
        start();
    }

    public static synchronized StubKeycloak shared() {
        if (shared == null) {
            try {
                shared = new StubKeycloak(0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + boundPort;
    }

    public synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", server == null ? port : boundPort), 50);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        boundPort = server.getAddress().getPort();
    }

    /** Stops answering: connections are refused until {@link #start()}. */
    public synchronized void stop() {
        server.stop(0);
    }

    /** Answers every request this much later (a Keycloak that is up but slow); 0 = at once. */
    public void delay(java.time.Duration delay) {
        delayMillis = delay.toMillis();
    }

    public void failMails(boolean fail) {
        failMails = fail;
    }

    public String addUser(String email, String firstName, String lastName, String... roles) {
        String id = UUID.randomUUID().toString();
        users.put(id, new User(id, email.toLowerCase(Locale.ROOT), email, firstName, lastName, Map.of(),
                new LinkedHashSet<>(Arrays.asList(roles))));
        return id;
    }

    public User user(String id) {
        return users.get(id);
    }

    public List<User> usersWithEmail(String email) {
        return users.values().stream().filter(u -> email.equalsIgnoreCase(u.email())).toList();
    }

    public List<ActionsEmail> mails() {
        return List.copyOf(mails);
    }

    public int tokensIssued() {
        return tokensIssued;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            byte[] body = ex.getRequestBody().readAllBytes();
            if (path.equals("/realms/" + REALM + "/protocol/openid-connect/token") && method.equals("POST")) {
                Map<String, String> form = query(new String(body, StandardCharsets.UTF_8));
                // a confidential client authenticates with HTTP Basic (what the admin client sends) or form fields
                String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
                boolean authenticated = basic.equals(ex.getRequestHeaders().getFirst("Authorization"))
                        || CLIENT_ID.equals(form.get("client_id")) && CLIENT_SECRET.equals(form.get("client_secret"));
                if (!"client_credentials".equals(form.get("grant_type")) || !authenticated) {
                    send(ex, 401, "{\"error\":\"unauthorized_client\"}");
                    return;
                }
                tokensIssued++;
                send(ex, 200, "{\"access_token\":\"stub-admin-token\",\"expires_in\":300,\"refresh_expires_in\":0,"
                        + "\"token_type\":\"Bearer\",\"not-before-policy\":0,\"scope\":\"profile email\"}");
                return;
            }
            if (!"Bearer stub-admin-token".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "{\"error\":\"HTTP 401 Unauthorized\"}");
                return;
            }
            String users = "/admin/realms/" + REALM + "/users";
            if (path.startsWith("/admin/realms/" + REALM + "/roles")) {
                // reading the realm's roles needs view-realm, which the service account does not hold
                send(ex, 403, "{\"error\":\"HTTP 403 Forbidden\"}");
            } else if (path.equals(users) && method.equals("GET")) {
                send(ex, 200, search(query).toString());
            } else if (path.equals(users) && method.equals("POST")) {
                create(ex, JSON.readTree(body));
            } else {
                Matcher m = USER.matcher(path);
                if (!m.matches()) {
                    send(ex, 404, "{\"error\":\"Not Found\"}");
                    return;
                }
                User user = this.users.get(m.group(1));
                String rest = m.group(2) == null ? "" : m.group(2);
                if (user == null) {
                    send(ex, 404, "{\"error\":\"User not found\"}");
                } else if (rest.isEmpty() && method.equals("GET")) {
                    send(ex, 200, representation(user).toString());
                } else if (rest.isEmpty() && method.equals("DELETE")) {
                    this.users.remove(user.id());
                    send(ex, 204, null);
                } else if (rest.equals("/role-mappings/realm") && method.equals("GET")) {
                    ArrayNode roles = JSON.createArrayNode();
                    user.roles().forEach(r -> roles.add(role(r)));
                    send(ex, 200, roles.toString());
                } else if (rest.equals("/role-mappings/realm/available") && method.equals("GET")) {
                    ArrayNode roles = JSON.createArrayNode();
                    REALM_ROLES.stream().filter(r -> !user.roles().contains(r)).forEach(r -> roles.add(role(r)));
                    send(ex, 200, roles.toString());
                } else if (rest.equals("/role-mappings/realm") && (method.equals("POST") || method.equals("DELETE"))) {
                    for (JsonNode r : JSON.readTree(body)) {
                        if (method.equals("POST")) {
                            user.roles().add(r.path("name").asString());
                        } else {
                            user.roles().remove(r.path("name").asString());
                        }
                    }
                    send(ex, 204, null);
                } else if (rest.equals("/execute-actions-email") && method.equals("PUT")) {
                    if (failMails) {
                        send(ex, 500, "{\"errorMessage\":\"Failed to send execute actions email\"}");
                        return;
                    }
                    List<String> actions = new ArrayList<>();
                    JSON.readTree(body).forEach(a -> actions.add(a.asString()));
                    mails.add(new ActionsEmail(user.id(), actions, query.get("lifespan")));
                    send(ex, 204, null);
                } else {
                    send(ex, 404, "{\"error\":\"Not Found\"}");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(ex, 500, "{\"error\":\"" + e + "\"}");
        }
    }

    private ArrayNode search(Map<String, String> query) {
        ArrayNode out = JSON.createArrayNode();
        int max = Integer.parseInt(query.getOrDefault("max", "100"));
        for (User u : users.values()) {
            boolean match;
            if (query.containsKey("email")) {
                match = "true".equals(query.get("exact")) ? query.get("email").equalsIgnoreCase(u.email())
                        : u.email().toLowerCase(Locale.ROOT).contains(query.get("email").toLowerCase(Locale.ROOT));
            } else {
                String haystack = (u.username() + " " + u.email() + " " + u.firstName() + " " + u.lastName())
                        .toLowerCase(Locale.ROOT);
                match = Arrays.stream(query.getOrDefault("search", "").split("\\s+"))
                        .map(w -> w.replace("*", "").toLowerCase(Locale.ROOT))
                        .allMatch(w -> w.isEmpty() || haystack.contains(w));
            }
            if (match && out.size() < max) {
                out.add(representation(u));
            }
        }
        return out;
    }

    private void create(HttpExchange ex, JsonNode rep) throws IOException {
        String email = rep.path("email").asString();
        String username = rep.path("username").asString();
        if (email.endsWith("@refused.example.org")) {
            // Keycloak's answer to an address its user profile refuses
            send(ex, 400, "{\"field\":\"email\",\"errorMessage\":\"invalidEmailMessage\",\"params\":[\"email\"]}");
            return;
        }
        if (users.values().stream().anyMatch(u -> u.email().equalsIgnoreCase(email)
                || u.username().equalsIgnoreCase(username))) {
            send(ex, 409, "{\"errorMessage\":\"User exists with same email\"}");
            return;
        }
        String id = UUID.randomUUID().toString();
        Map<String, List<String>> attributes = new HashMap<>();
        rep.path("attributes").properties().forEach(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asString()));
            attributes.put(e.getKey(), values);
        });
        users.put(id, new User(id, username, email, text(rep, "firstName"), text(rep, "lastName"), attributes,
                new LinkedHashSet<>(List.of("PARTICIPANT"))));
        ex.getResponseHeaders().add("Location", url() + "/admin/realms/" + REALM + "/users/" + id);
        send(ex, 201, null);
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isString() ? node.path(field).asString() : null;
    }

    private static ObjectNode representation(User u) {
        ObjectNode n = JSON.createObjectNode().put("id", u.id()).put("username", u.username()).put("email", u.email())
                .put("firstName", u.firstName()).put("lastName", u.lastName()).put("enabled", true)
                .put("emailVerified", false).put("createdTimestamp", 1700000000000L);
        return n;
    }

    private static ObjectNode role(String name) {
        return JSON.createObjectNode().put("id", "role-" + name).put("name", name).put("composite", false)
                .put("clientRole", false).put("containerId", REALM);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        if (json == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
