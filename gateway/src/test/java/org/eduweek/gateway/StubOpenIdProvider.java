package org.eduweek.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import org.eduweek.platform.testing.TestTokens;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for Keycloak's OpenID Connect endpoints under {@code /realms/eduweek}: discovery, JWK set, authorize
 * (records the request and answers at once with a code, as a signed-in user's browser would be sent back), token
 * (authorization code with PKCE and client authentication checked, refresh token), end-session. Tokens carry the
 * contract's claims; the signing key is made for this test JVM.
 */
final class StubOpenIdProvider {

    static final String REALM = "/realms/eduweek";
    static final String CLIENT_ID = "eduweek-portal";
    static final String CLIENT_SECRET = "stub-portal-client-secret-of-32-chars-or-more";
    private static final String OIDC = REALM + "/protocol/openid-connect";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the user's tokens say: an opaque subject, as Keycloak's. */
    final String subject = UUID.randomUUID().toString();
    final RSAKey key = TestTokens.otherKey();
    final ConcurrentLinkedQueue<Map<String, String>> authorizeRequests = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Map<String, String>> tokenRequests = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Map<String, String>> endSessionRequests = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> accessTokens = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> idTokens = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> refreshTokens = new ConcurrentLinkedQueue<>();
    /** Lifetime of the access tokens issued from now on. */
    volatile int accessTokenSeconds = 300;
    /** When set, the authorize endpoint sends the browser back with this error instead of a code. */
    volatile String authorizeError;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> validRefreshTokens = new ConcurrentHashMap<>();
    private volatile HttpServer server;
    private volatile int boundPort;

    static StubOpenIdProvider started() {
        return new StubOpenIdProvider().start();
    }

    /** Takes a port without serving yet (the provider is "down" until {@link #start()}). */
    static StubOpenIdProvider notStarted() {
        StubOpenIdProvider provider = new StubOpenIdProvider().start();
        provider.stop();
        return provider;
    }

    synchronized StubOpenIdProvider start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", boundPort), 50);
            s.setExecutor(Executors.newCachedThreadPool());
            s.createContext("/", this::handle);
            s.start();
            server = s;
            boundPort = s.getAddress().getPort();
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized void stop() {
        server.stop(0);
    }

    String issuer() {
        return "http://127.0.0.1:" + boundPort + REALM;
    }

    String authorizeEndpoint() {
        return "http://127.0.0.1:" + boundPort + OIDC + "/auth";
    }

    String endSessionEndpoint() {
        return "http://127.0.0.1:" + boundPort + OIDC + "/logout";
    }

    /** Every refresh token issued so far stops working (as after a revocation or an ended provider session). */
    void revokeRefreshTokens() {
        validRefreshTokens.replaceAll((token, valid) -> false);
    }

    /** An access token as a script holding one of this provider's tokens would send it. */
    String accessToken(List<String> roles) {
        return sign(accessClaims(subject, roles, 300));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            switch (path) {
                case REALM + "/.well-known/openid-configuration" -> respond(exchange, 200, discovery());
                case OIDC + "/certs" -> respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
                case OIDC + "/auth" -> authorize(exchange);
                case OIDC + "/token" -> token(exchange);
                case OIDC + "/logout" -> endSession(exchange);
                default -> respond(exchange, 404, "{\"error\":\"not_found\"}");
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, "{\"error\":\"server_error\"}");
        }
    }

    private String discovery() {
        String base = "http://127.0.0.1:" + boundPort + OIDC;
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer());
        metadata.put("authorization_endpoint", base + "/auth");
        metadata.put("token_endpoint", base + "/token");
        metadata.put("jwks_uri", base + "/certs");
        metadata.put("userinfo_endpoint", base + "/userinfo");
        metadata.put("end_session_endpoint", base + "/logout");
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("scopes_supported", List.of("openid", "profile", "email"));
        metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("prompt_values_supported", List.of("none", "login", "consent", "create"));
        return JSON.writeValueAsString(metadata);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> params = form(exchange.getRequestURI().getRawQuery());
        authorizeRequests.add(params);
        String back = params.get("redirect_uri") + "?state=" + encode(params.get("state"));
        if (authorizeError != null) {
            back += "&error=" + encode(authorizeError);
        } else {
            String code = UUID.randomUUID().toString();
            codes.put(code, params);
            back += "&code=" + code;
        }
        exchange.getResponseHeaders().set("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Map<String, String> recorded = new LinkedHashMap<>(params);
        recorded.put("Authorization", String.valueOf(authorization));
        tokenRequests.add(recorded);
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(authorization)) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, String> authorized;
        if ("authorization_code".equals(params.get("grant_type"))) {
            authorized = codes.remove(String.valueOf(params.get("code")));
            if (authorized == null || !authorized.get("redirect_uri").equals(params.get("redirect_uri"))
                    || !s256(params.get("code_verifier")).equals(authorized.get("code_challenge"))) {
                respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
                return;
            }
        } else if ("refresh_token".equals(params.get("grant_type"))) {
            if (!Boolean.TRUE.equals(validRefreshTokens.get(String.valueOf(params.get("refresh_token"))))) {
                respond(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token is not active\"}");
                return;
            }
            authorized = Map.of();
        } else {
            respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        int lifetime = accessTokenSeconds;
        String access = sign(accessClaims(subject, List.of("PARTICIPANT"), lifetime));
        String refresh = UUID.randomUUID().toString();
        JWTClaimsSet.Builder id = profile(new JWTClaimsSet.Builder(), subject, 300).audience(CLIENT_ID)
                .claim("azp", CLIENT_ID);
        if (authorized.get("nonce") != null) {
            id.claim("nonce", authorized.get("nonce"));
        }
        String idToken = sign(id.build());
        accessTokens.add(access);
        idTokens.add(idToken);
        refreshTokens.add(refresh);
        validRefreshTokens.put(refresh, true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access);
        body.put("expires_in", lifetime);
        body.put("refresh_expires_in", 1800);
        body.put("refresh_token", refresh);
        body.put("token_type", "Bearer");
        body.put("id_token", idToken);
        body.put("scope", "openid profile email");
        respond(exchange, 200, JSON.writeValueAsString(body));
    }

    private void endSession(HttpExchange exchange) throws IOException {
        Map<String, String> params = form(exchange.getRequestURI().getRawQuery());
        endSessionRequests.add(params);
        exchange.getResponseHeaders().set("Location", params.get("post_logout_redirect_uri"));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private JWTClaimsSet accessClaims(String sub, List<String> roles, int lifetime) {
        return profile(new JWTClaimsSet.Builder(), sub, lifetime).audience(List.of("eduweek", "account"))
                .claim("azp", CLIENT_ID).claim("typ", "Bearer").claim("scope", "openid profile email")
                .claim("roles", roles).build();
    }

    private JWTClaimsSet.Builder profile(JWTClaimsSet.Builder claims, String sub, int lifetime) {
        Instant now = Instant.now();
        return claims.issuer(issuer()).subject(sub).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(lifetime))).jwtID(UUID.randomUUID().toString())
                .claim("name", "Li Wei").claim("email", "li.wei@example.edu").claim("locale", "zh-CN")
                .claim("preferred_username", "li.wei@example.edu");
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String s256(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
