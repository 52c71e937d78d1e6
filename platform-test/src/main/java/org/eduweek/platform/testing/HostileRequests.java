package org.eduweek.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Malformed and hostile HTTP requests, sent byte for byte over a socket so no client library smooths them, and the
 * one answer each may get: a 4xx {@code application/problem+json} body with the contract's fields, in the caller's
 * language, without a stack trace, class name or internal address. A service's {@code HostileInputsIT} lists the
 * shared cases ({@link #bodies}, {@link #paths}) plus its own field-specific ones ({@link #replacing}).
 */
public final class HostileRequests {

    /** Request heads longer than this exceed the services' header limit and are refused unread. */
    public static final int HEAD_LIMIT = 32 * 1024;

    private HostileRequests() {
    }

    /** One request; its name is what a parameterized test shows. */
    public record Hostile(String name, String method, String target, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            return name;
        }
    }

    public record Raw(int status, Map<String, String> headers, String body) {
    }

    public static Map<String, String> headers(String... pairs) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            h.put(pairs[i], pairs[i + 1]);
        }
        return h;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static Hostile write(String name, String path, String token, String contentType, byte[] body) {
        Map<String, String> h = headers("Authorization", "Bearer " + token);
        if (contentType != null) {
            h.put("Content-Type", contentType);
        }
        return new Hostile(name, "POST", path, h, body);
    }

    /** A JSON write of {@code validJson} with {@code from} replaced by {@code to}. */
    public static Hostile replacing(String name, String path, String token, String validJson, String from, String to) {
        assertThat(validJson).as("the case " + name + " changes the body").contains(from);
        return write(name, path, token, "application/json", utf8(validJson.replace(from, to)));
    }

    /**
     * Bodies no JSON endpoint should take, posted to {@code path} as {@code token}; {@code validJson} is a body the
     * endpoint would accept, {@code textField} the name of one of its string fields.
     */
    public static List<Hostile> bodies(String path, String token, String validJson, String textField) {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String text = "\"" + textField + "\":";
        List<Hostile> all = new ArrayList<>();
        all.add(write("JSON nested 10,000 deep", path, token, "application/json", utf8("{" + text + deep + "}")));
        all.add(write("JSON nested 10,000 deep as the whole body", path, token, "application/json", utf8(deep)));
        all.add(write("UTF-8 byte order mark and a cut body", path, token, "application/json",
                concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, utf8("{" + text))));
        all.add(write("invalid UTF-8 in the body", path, token, "application/json",
                concat(utf8("{" + text + "\""), new byte[] { (byte) 0xC3, 0x28 }, utf8("\"}"))));
        all.add(write("lone surrogate \\ud800", path, token, "application/json", utf8("{" + text + "\"\\ud800\"}")));
        all.add(write("an array where an object is expected", path, token, "application/json",
                utf8("[" + validJson + "]")));
        all.add(write("an object where a string is expected", path, token, "application/json",
                utf8("{" + text + "{\"en\":\"x\"}}")));
        all.add(write("a number 1e400 where a string is expected", path, token, "application/json",
                utf8("{" + text + "1e400}")));
        all.add(write("a null body", path, token, "application/json", utf8("null")));
        all.add(write("an empty body", path, token, "application/json", utf8("")));
        all.add(write("Content-Type text/plain", path, token, "text/plain", utf8(validJson)));
        all.add(write("no Content-Type", path, token, null, utf8(validJson)));
        all.add(write("charset=ISO-8859-1 with Latin-1 bytes", path, token, "application/json; charset=ISO-8859-1",
                concat(utf8("{" + text + "\"caf"), new byte[] { (byte) 0xE9 }, utf8("\",\"x\":[}"))));
        all.add(write("multipart to a JSON endpoint", path, token, "multipart/form-data; boundary=XyZ",
                utf8("--XyZ\r\nContent-Disposition: form-data; name=\"" + textField + "\"\r\n\r\nT\r\n--XyZ--\r\n")));
        all.add(new Hostile("Transfer-Encoding and Content-Length together", "POST", path,
                headers("Authorization", "Bearer " + token, "Content-Type", "application/json",
                        "Transfer-Encoding", "chunked"), utf8("0\r\n\r\n")));
        all.add(new Hostile("a token in the query string", "POST", path + "?access_token=" + token,
                headers("Content-Type", "application/json"), utf8(validJson)));
        all.add(new Hostile("look-alike role (Greek Omicron) in a token", "POST", path,
                headers("Authorization", "Bearer " + TestTokens.token("mallory", List.of("\u039FRGANIZER",
                        "\u0410DMIN", "PARTICIPANT\u200B"), Map.of()), "Content-Type", "application/json"),
                utf8(validJson)));
        return all;
    }

    /** Paths, queries, methods and headers no endpoint under {@code base} should take (a GET collection). */
    public static List<Hostile> paths(String base) {
        List<Hostile> all = new ArrayList<>();
        all.add(get("page -1", base + "?page=-1"));
        all.add(get("size 0", base + "?size=0"));
        all.add(get("size huge", base + "?size=99999999999"));
        all.add(get("page not a number", base + "?page=abc"));
        all.add(get("invalid UTF-8 in the query", base + "?q=%C3%28"));
        all.add(get("%00 in an id", base + "/abc%00def"));
        all.add(get("..%2f in an id", base + "/..%2f..%2fadmin"));
        all.add(get("%2e%2e/ in a path", base + "/%2e%2e/%2e%2e/actuator"));
        all.add(get("double-encoded slash in an id", base + "/a%252fb"));
        all.add(get("invalid UTF-8 in the path", base + "/%C3%28"));
        all.add(get("an id of 10,000 characters", base + "/" + "a".repeat(10_000)));
        all.add(get("a query string of 20,000 characters", base + "?page=" + "9".repeat(20_000)));
        all.add(get("a query string beyond the header limit", base + "?q=" + "x".repeat(40_000)));
        all.add(new Hostile("Accept: text/html on an error path", "GET", base + "/none-such",
                headers("Accept", "text/html"), null));
        all.add(new Hostile("TRACE", "TRACE", base, Map.of(), null));
        all.add(new Hostile("OPTIONS without CORS headers", "OPTIONS", base, Map.of(), null));
        all.add(new Hostile("PATCH on a GET path", "PATCH", base, Map.of(), null));
        all.add(new Hostile("X-HTTP-Method-Override: DELETE", "GET", base + "/none-such",
                headers("X-HTTP-Method-Override", "DELETE"), null));
        all.add(new Hostile("a bearer of 20 KB", "GET", base, headers("Authorization", "Bearer " + "A".repeat(20_000)),
                null));
        return all;
    }

    private static Hostile get(String name, String target) {
        return new Hostile(name, "GET", target, Map.of(), null);
    }

    /** Sends {@code hostile} as it is, asking for {@code lang}, and reads the whole answer. */
    public static Raw send(int port, Hostile hostile, String lang) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes((hostile.method() + " " + hostile.target() + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nConnection: close\r\nAccept-Language: " + lang + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        Map<String, String> h = new LinkedHashMap<>(hostile.headers());
        if (hostile.body() != null) {
            h.put("Content-Length", String.valueOf(hostile.body().length));
        }
        h.forEach((k, v) -> request.writeBytes((k + ": " + v + "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
        request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (hostile.body() != null) {
            request.writeBytes(hostile.body());
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    /**
     * A 4xx problem body with the contract's fields, in Chinese when asked (unless the head was too long to be read),
     * with nothing that names the code or the network inside.
     */
    public static void assertProblem(Hostile hostile, Raw answer, String lang) {
        assertThat(answer.status()).as(hostile + ": " + answer.body()).isBetween(400, 499);
        assertThat(answer.headers().get("content-type")).as(hostile + ": " + answer.body())
                .startsWith("application/problem+json");
        assertThat(answer.body()).as(hostile.name())
                .contains("\"status\":" + answer.status(), "\"type\":\"https://eduweek.org/problems/", "\"title\":\"")
                .doesNotContain("Exception", "org.springframework", "org.apache", "java.", "\tat ", "<html",
                        "127.0.0.1", "localhost", "mongodb", "kafka");
        boolean headRead = hostile.target().length() + hostile.headers().values().stream()
                .mapToInt(String::length).sum() < HEAD_LIMIT;
        if ("zh".equals(lang) && headRead) {
            assertThat(answer.headers().get("content-language")).as(hostile + ": " + answer.body()).startsWith("zh");
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                all.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // closed while part of the request was unread; the answer came before
        }
        return all.toByteArray();
    }

    private static Raw parse(byte[] bytes) {
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        assertThat(end).as("an HTTP answer: " + new String(bytes, StandardCharsets.UTF_8)).isPositive();
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        int at = end + 4;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            while (true) {
                int lineEnd = indexOf(bytes, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
                int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1).trim(),
                        16);
                if (size == 0) {
                    break;
                }
                body.write(bytes, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
        } else {
            body.write(bytes, at, bytes.length - at);
        }
        return new Raw(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] bytes, byte[] what, int from) {
        outer:
        for (int i = from; i <= bytes.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
