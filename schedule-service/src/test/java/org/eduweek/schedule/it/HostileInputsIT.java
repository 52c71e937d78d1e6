package org.eduweek.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.eduweek.platform.testing.TestTokens;
import org.eduweek.schedule.ScheduleIntegrationTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * Malformed and hostile requests sent byte for byte to the service's real controllers (no client library smoothing
 * them): every one gets a 4xx {@code application/problem+json} body with the contract's fields, in the caller's
 * language, with no stack trace, class name or internal address in it, and nothing is written.
 */
class HostileInputsIT extends ScheduleIntegrationTest {

    private static final String SESSIONS = "/api/schedule/sessions";
    private static final String VALID_SESSION = """
            {"editionId":"hostile","title":"T","start":"2031-05-05T09:00:00+02:00","end":"2031-05-05T10:00:00+02:00",
             "mode":"OFFLINE","capacity":10,"venue":{"campus":"Main","room":"H1"}}""";

    record Raw(int status, Map<String, String> headers, String body) {
    }

    record Hostile(String method, String target, Map<String, String> headers, byte[] body) {
    }

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            h.put(pairs[i], pairs[i + 1]);
        }
        return h;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static Arguments write(String name, String contentType, byte[] body) {
        Map<String, String> h = contentType == null
                ? headers("Authorization", "Bearer " + ORGANIZER)
                : headers("Authorization", "Bearer " + ORGANIZER, "Content-Type", contentType);
        return Arguments.of(Named.of(name, new Hostile("POST", SESSIONS, h, body)));
    }

    private static Arguments json(String name, String body) {
        return write(name, "application/json", utf8(body));
    }

    private static Arguments session(String name, String from, String to) {
        return json(name, VALID_SESSION.replace(from, to));
    }

    private static Arguments read(String name, String method, String target, String... extraHeaders) {
        return Arguments.of(Named.of(name, new Hostile(method, target, headers(extraHeaders), null)));
    }

    static Stream<Arguments> hostileInputs() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        return Stream.of(
                json("JSON nested 10,000 deep", "{\"title\":" + deep + "}"),
                json("JSON nested 10,000 deep as the whole body", deep),
                session("capacity 1e400", "\"capacity\":10", "\"capacity\":1e400"),
                session("capacity 9223372036854775808", "\"capacity\":10", "\"capacity\":9223372036854775808"),
                session("capacity -0", "\"capacity\":10", "\"capacity\":-0"),
                session("duplicate key editionId", "\"title\":\"T\"", "\"title\":\"T\",\"editionId\":\"other\""),
                write("UTF-8 byte order mark", "application/json",
                        concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, utf8("{\"title\":"))),
                write("invalid UTF-8 in the body", "application/json",
                        concat(utf8("{\"editionId\":\"hostile\",\"title\":\""), new byte[] { (byte) 0xC3, 0x28 },
                                utf8("\"}"))),
                session("lone surrogate \\ud800 in a title", "\"title\":\"T\"", "\"title\":\"\\ud800\""),
                json("an array where an object is expected", "[" + VALID_SESSION + "]"),
                session("an object where a string is expected", "\"title\":\"T\"", "\"title\":{\"en\":\"T\"}"),
                json("a null body", "null"),
                json("an empty body", ""),
                write("Content-Type text/plain", "text/plain", utf8(VALID_SESSION)),
                write("no Content-Type", null, utf8(VALID_SESSION)),
                write("charset=ISO-8859-1 with Latin-1 bytes", "application/json; charset=ISO-8859-1",
                        concat(utf8("{\"editionId\":\"hostile\",\"title\":\"caf"), new byte[] { (byte) 0xE9 },
                                utf8("\",\"capacity\":2.5}"))),
                write("multipart to a JSON endpoint", "multipart/form-data; boundary=XyZ",
                        utf8("--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nT\r\n--XyZ--\r\n")),
                session("date 2026-02-30", "2031-05-05T09:00:00+02:00", "2026-02-30T09:00:00+02:00"),
                session("year +10000", "2031-05-05T09:00:00+02:00", "+10000-01-01T09:00:00+02:00"),
                session("a time without zone", "2031-05-05T09:00:00+02:00", "2031-05-05T09:00:00"),
                session("enum value in lower case", "\"OFFLINE\"", "\"offline\""),
                read("page -1", "GET", SESSIONS + "?page=-1"),
                read("size 0", "GET", SESSIONS + "?size=0"),
                read("size huge", "GET", SESSIONS + "?size=99999999999"),
                read("page not a number", "GET", SESSIONS + "?page=abc"),
                read("day 2026-02-30", "GET", SESSIONS + "?day=2026-02-30"),
                read("enum filter in lower case", "GET", SESSIONS + "?mode=online"),
                read("invalid UTF-8 in the query", "GET", SESSIONS + "?q=%C3%28&day=x"),
                read("%00 in an id", "GET", SESSIONS + "/abc%00def"),
                read("..%2f in an id", "GET", SESSIONS + "/..%2f..%2fadmin"),
                read("%2e%2e/ in a path", "GET", SESSIONS + "/%2e%2e/%2e%2e/actuator"),
                read("double-encoded slash in an id", "GET", SESSIONS + "/a%252fb"),
                read("invalid UTF-8 in the path", "GET", SESSIONS + "/%C3%28"),
                read("an id of 10,000 characters", "GET", SESSIONS + "/" + "a".repeat(10_000)),
                read("Accept: text/html on an error path", "GET", SESSIONS + "/none-such", "Accept", "text/html"),
                read("TRACE", "TRACE", SESSIONS),
                Arguments.of(Named.of("Transfer-Encoding and Content-Length together", new Hostile("POST", SESSIONS,
                        headers("Authorization", "Bearer " + ORGANIZER, "Content-Type", "application/json",
                                "Transfer-Encoding", "chunked"), utf8("0\r\n\r\n")))),
                read("OPTIONS without CORS headers", "OPTIONS", SESSIONS),
                read("a query string of 20,000 characters", "GET", SESSIONS + "?day=" + "x".repeat(20_000)),
                read("a query string beyond the header limit", "GET", SESSIONS + "?q=" + "x".repeat(40_000)),
                read("PATCH on a GET-only path", "PATCH", SESSIONS + "/x/calendar.ics"),
                read("PUT on the collection", "PUT", SESSIONS, "Authorization", "Bearer " + ORGANIZER),
                read("X-HTTP-Method-Override: DELETE", "POST", SESSIONS + "/x/calendar.ics",
                        "X-HTTP-Method-Override", "DELETE", "Authorization", "Bearer " + ORGANIZER),
                read("a token in the query string", "POST", SESSIONS + "?access_token=" + ORGANIZER,
                        "Content-Type", "application/json", "Content-Length", "0"),
                read("a bearer of 20 KB", "GET", SESSIONS + "/x", "Authorization", "Bearer " + "A".repeat(20_000)),
                read("look-alike role (Greek Omicron) in a token", "POST", SESSIONS, "Authorization", "Bearer "
                        + TestTokens.token("mallory", List.of("\u039FRGANIZER"), Map.of()),
                        "Content-Type", "application/json", "Content-Length", "0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void getsAProblemInTheCallersLanguageNeverA500AnHtmlPageOrALeak(Hostile hostile) throws IOException {
        for (String lang : List.of("en", "zh")) {
            long before = documents();
            Raw answer = send(hostile, lang);
            assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
            assertThat(answer.headers().get("content-type")).as(answer.body())
                    .startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.get("status").asInt()).isEqualTo(answer.status());
            assertThat(problem.hasNonNull("title")).as(answer.body()).isTrue();
            assertThat(problem.hasNonNull("type")).as(answer.body()).isTrue();
            assertThat(answer.body()).doesNotContain("Exception", "org.springframework", "java.", "\tat ",
                    "<html", "127.0.0.1", "localhost", "mongodb");
            // a request head beyond the header limit is refused unread, Accept-Language included: English then
            boolean headRead = hostile.target().length() < 32_000;
            if ("zh".equals(lang) && headRead) {
                assertThat(answer.headers().get("content-language")).as(answer.body()).startsWith("zh");
            }
            assertThat(documents()).as("nothing written").isEqualTo(before);
        }
    }

    private long documents() {
        return mongo.getCollectionNames().stream().filter(name -> !name.startsWith("system."))
                .mapToLong(name -> mongo.getCollection(name).countDocuments()).sum();
    }

    private Raw send(Hostile hostile, String lang) throws IOException {
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

    /** A repeated query parameter is harmless: the first value counts, as everywhere in Spring MVC. */
    @org.junit.jupiter.api.Test
    void aRepeatedParameterTakesItsFirstValue() throws IOException {
        Raw answer = send(new Hostile("GET", SESSIONS + "?page=1&page=-5", Map.of(), null), "en");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("page").asInt()).isEqualTo(1);
    }
}
