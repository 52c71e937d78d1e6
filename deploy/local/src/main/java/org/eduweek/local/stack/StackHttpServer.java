package org.eduweek.local.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's one HTTP port: dev identity provider, captured mail and SMS, and the SMS provider endpoints the
 * notification service posts to (a generic JSON one and a Twilio-compatible one). Errors are RFC 9457 problem bodies.
 * Token issuing and the captures ({@code /api/auth/**}, {@code /api/dev/**}) answer callers on this machine only
 * (the TCP peer is a loopback address), whatever address the server is bound to: anyone who reaches them can mint
 * an ADMIN token or read every participant's mail.
 */
public final class StackHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StackHttpServer.class);
    private static final Pattern EMAIL_ID = Pattern.compile("/api/dev/emails/([0-9]{13}-[0-9]{4})(/raw)?");
    private static final Pattern TWILIO = Pattern.compile("/2010-04-01/Accounts/([A-Za-z0-9_-]+)/Messages\\.json");
    private static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json;
    private final DevIdentityProvider idp;
    private final MailCapture mail;
    private final SmsCapture sms;

    private StackHttpServer(HttpServer server, ExecutorService executor, ObjectMapper json, DevIdentityProvider idp,
            MailCapture mail, SmsCapture sms) {
        this.server = server;
        this.executor = executor;
        this.json = json;
        this.idp = idp;
        this.mail = mail;
        this.sms = sms;
    }

    public static StackHttpServer start(String bindAddress, int port, ObjectMapper json, DevIdentityProvider idp, MailCapture mail,
            SmsCapture sms) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "stack-http");
            t.setDaemon(true);
            return t;
        });
        StackHttpServer stack = new StackHttpServer(server, executor, json, idp, mail, sms);
        server.createContext("/", stack::handle);
        server.setExecutor(executor);
        server.start();
        return stack;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        try {
            route(exchange, method, path);
        } catch (BadRequest e) {
            problem(exchange, e.status(), e.slug(), e.status() == 405 ? "Method not allowed" : "Bad request", e.getMessage(),
                    e.errors());
        } catch (JsonProcessingException e) {
            problem(exchange, 400, "malformed-request", "Malformed request", "The body is not the JSON expected: "
                    + e.getOriginalMessage(), List.of());
        } catch (RuntimeException e) {
            log.error("{} {} failed", method, path, e);
            problem(exchange, 500, "internal", "Internal error", e.getClass().getSimpleName(), List.of());
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException {
        if ((path.startsWith("/api/auth/") || path.startsWith("/api/dev/")) && !fromLoopback(exchange)) {
            problem(exchange, 403, "forbidden", "Forbidden",
                    "Dev tokens and captured messages are served to callers on this machine only", List.of());
            return;
        }
        Map<String, String> query = parseForm(exchange.getRequestURI().getRawQuery());
        Matcher emailId = EMAIL_ID.matcher(path);
        Matcher twilio = TWILIO.matcher(path);
        if (path.equals("/") || path.equals("/health")) {
            only(exchange, method, "GET");
            send(exchange, 200, "application/json", json.writeValueAsBytes(index()));
        } else if (path.equals("/.well-known/jwks.json")) {
            only(exchange, method, "GET");
            send(exchange, 200, "application/json", idp.jwkSetJson().getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/.well-known/openid-configuration")) {
            only(exchange, method, "GET");
            sendJson(exchange, 200, Map.of("issuer", idp.issuer(), "jwks_uri", idp.issuer() + "/.well-known/jwks.json",
                    "id_token_signing_alg_values_supported", List.of("RS256")));
        } else if (path.equals("/api/auth/dev-token")) {
            only(exchange, method, "POST");
            byte[] body = body(exchange);
            DevIdentityProvider.TokenRequest request = body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()
                    ? null : json.readValue(body, DevIdentityProvider.TokenRequest.class);
            sendJson(exchange, 200, idp.issue(request));
        } else if (path.equals("/api/dev/emails")) {
            if (deleteOrGet(exchange, method)) {
                mail.clear();
                send(exchange, 204, null, new byte[0]);
            } else {
                sendJson(exchange, 200, mail.list(query.get("to")));
            }
        } else if (emailId.matches()) {
            only(exchange, method, "GET");
            CapturedEmail email = mail.find(emailId.group(1));
            if (email == null) {
                problem(exchange, 404, "not-found", "Not found", "No captured email " + emailId.group(1), List.of());
            } else if (emailId.group(2) != null) {
                send(exchange, 200, "message/rfc822", Files.readAllBytes(mail.rawFile(email.id())));
            } else {
                sendJson(exchange, 200, email);
            }
        } else if (path.equals("/api/dev/sms")) {
            if (deleteOrGet(exchange, method)) {
                sms.clear();
                send(exchange, 204, null, new byte[0]);
            } else {
                sendJson(exchange, 200, sms.list(query.get("to")));
            }
        } else if (path.equals("/sms/messages")) {
            only(exchange, method, "POST");
            GenericSms request = json.readValue(nonEmpty(body(exchange)), GenericSms.class);
            SmsCapture.Sms accepted = sms.accept(request.to(), request.from(), request.body());
            sendJson(exchange, 202, Map.of("id", accepted.id(), "status", "queued"));
        } else if (twilio.matches()) {
            only(exchange, method, "POST");
            Map<String, String> form = parseForm(new String(body(exchange), StandardCharsets.UTF_8));
            String from = form.getOrDefault("From", form.get("MessagingServiceSid"));
            SmsCapture.Sms accepted = sms.accept(form.get("To"), from, form.get("Body"));
            sendJson(exchange, 201, twilioAnswer(twilio.group(1), accepted));
        } else {
            problem(exchange, 404, "not-found", "Not found", "No stack endpoint " + path, List.of());
        }
    }

    static boolean fromLoopback(HttpExchange exchange) {
        InetSocketAddress peer = exchange.getRemoteAddress();
        return peer != null && peer.getAddress() != null && peer.getAddress().isLoopbackAddress();
    }

    private record GenericSms(String to, String from, String body) {
    }

    private static Map<String, Object> twilioAnswer(String account, SmsCapture.Sms sms) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sid", "SM" + sms.id().replace("-", ""));
        answer.put("account_sid", account);
        answer.put("to", sms.to());
        answer.put("from", sms.from());
        answer.put("body", sms.body());
        answer.put("status", "queued");
        answer.put("num_segments", "1");
        answer.put("direction", "outbound-api");
        answer.put("date_created", sms.receivedAt());
        answer.put("error_code", null);
        answer.put("error_message", null);
        return answer;
    }

    private Map<String, Object> index() {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("status", "UP");
        index.put("issuer", idp.issuer());
        index.put("endpoints", List.of("GET /.well-known/jwks.json", "POST /api/auth/dev-token",
                "GET|DELETE /api/dev/emails", "GET /api/dev/emails/{id}[/raw]", "GET|DELETE /api/dev/sms",
                "POST /sms/messages", "POST /2010-04-01/Accounts/{sid}/Messages.json"));
        return index;
    }

    private static boolean deleteOrGet(HttpExchange exchange, String method) {
        if (method.equals("DELETE")) {
            return true;
        }
        only(exchange, method, "GET");
        return false;
    }

    private static void only(HttpExchange exchange, String method, String allowed) {
        if (!method.equals(allowed) && !(allowed.equals("GET") && method.equals("HEAD"))) {
            exchange.getResponseHeaders().set("Allow", allowed);
            throw new MethodNotAllowed(method);
        }
    }

    private static final class MethodNotAllowed extends BadRequest {
        MethodNotAllowed(String method) {
            super(405, "method-not-allowed", method + " is not allowed here", List.of());
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw BadRequest.malformed("The body is larger than " + MAX_BODY + " bytes");
            }
            return body;
        }
    }

    private static byte[] nonEmpty(byte[] body) {
        if (body.length == 0) {
            throw BadRequest.malformed("A JSON body is required");
        }
        return body;
    }

    static Map<String, String> parseForm(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", json.writeValueAsBytes(body));
    }

    private void problem(HttpExchange exchange, int status, String slug, String title, String detail,
            List<Map<String, String>> errors) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://eduweek.org/problems/" + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", exchange.getRequestURI().getPath());
        body.put("errors", errors);
        body.put("timestamp", Instant.now().toString());
        send(exchange, status, "application/problem+json", json.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean empty = status == 204 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
