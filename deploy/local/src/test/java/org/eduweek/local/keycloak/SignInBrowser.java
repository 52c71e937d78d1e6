package org.eduweek.local.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a browser does on Keycloak's own pages, with a plain HTTP client: the authorization code flow with PKCE as
 * the gateway starts it, the login and registration forms, links from emails, and the code exchanged for tokens as
 * the gateway would (client secret, code verifier). Its cookie jar keeps every cookie Keycloak sets: Java's
 * CookieManager would not send Keycloak's {@code Secure} cookies over http, which browsers do send to a loopback
 * address (a secure context).
 */
public final class SignInBrowser {

    private static final Pattern FORM = Pattern.compile("<form[^>]*\\baction=\"([^\"]*)\"", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final String verifier = random(32);
    private String page = "";
    private URI location;

    public SignInBrowser(String issuer, String clientId, String clientSecret, String redirectUri) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
    }

    /** Opens the authorization endpoint as the gateway's redirect would: Keycloak's login page. */
    public String openSignIn(String locale) throws IOException, InterruptedException, GeneralSecurityException {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("response_type", "code");
        query.put("scope", "openid profile email");
        query.put("redirect_uri", redirectUri);
        query.put("state", random(12));
        query.put("nonce", random(12));
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        if (locale != null) {
            query.put("ui_locales", locale);
        }
        return get(issuer + "/protocol/openid-connect/auth?" + form(query));
    }

    /** GET, following Keycloak's redirects until a page, or a redirect to the client's redirect URI. */
    public String get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Submits the page's form (its first one) with these fields. */
    public String submit(Map<String, String> fields) throws IOException, InterruptedException {
        Matcher action = FORM.matcher(page);
        if (!action.find()) {
            throw new IllegalStateException("No form on the page titled " + title() + ": " + abbreviate(page));
        }
        return send(HttpRequest.newBuilder(URI.create(unescape(action.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /**
     * Follows the page's link (an {@code href}, or the {@code value} of a language menu's option) that contains
     * {@code part}, e.g. "login-actions/registration" or "kc_locale=zh-Hans".
     */
    public String followLink(String part) throws IOException, InterruptedException {
        Matcher link = Pattern.compile("(?:href|value)=\"([^\"]*" + Pattern.quote(part) + "[^\"]*)\"").matcher(page);
        if (!link.find()) {
            throw new IllegalStateException("No link to " + part + " on the page titled " + title());
        }
        return get(URI.create(issuer).resolve(unescape(link.group(1))).toString());
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(withCookies(request).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        keepCookies(response);
        while (response.statusCode() / 100 == 3) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (next.toString().startsWith(redirectUri)) {
                location = next;
                page = "";
                return page;
            }
            response = http.send(withCookies(HttpRequest.newBuilder(next).GET()).timeout(Duration.ofSeconds(20))
                    .build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(response);
        }
        location = null;
        page = response.body();
        return page;
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ").append(k).append('=').append(v));
            request.header("Cookie", header.toString());
        }
        return request;
    }

    private void keepCookies(HttpResponse<?> response) {
        for (String line : response.headers().allValues("Set-Cookie")) {
            String pair = line.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            boolean expired = line.toLowerCase().contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    /** The authorization code Keycloak sent the browser back with, or null while still on its pages. */
    public String code() {
        if (location == null) {
            return null;
        }
        for (String pair : location.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("code")) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The code exchanged at the token endpoint as the gateway does it: {@code access_token}, {@code id_token}, … */
    public JsonNode exchangeCode() throws IOException, InterruptedException {
        String code = code();
        if (code == null) {
            throw new IllegalStateException("Not redirected back with a code; the page says: " + title()
                    + " " + abbreviate(text()));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", redirectUri);
        fields.put("code_verifier", verifier);
        fields.put("client_id", clientId);
        fields.put("client_secret", clientSecret);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public String page() {
        return page;
    }

    public String title() {
        Matcher m = TITLE.matcher(page);
        return m.find() ? m.group(1).trim() : "";
    }

    /** The page's visible text, roughly (tags dropped). */
    public String text() {
        return unescape(page.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ")).trim();
    }

    /** The payload of a JWT, not verified (the services verify; the test reads what they will see). */
    public static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#43;", "+").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&#39;", "'");
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
