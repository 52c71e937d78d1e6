import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists a whole edition of 1,000 sessions and reports latency percentiles. JDK only:
 *
 * <pre>
 * java bench/ListEditionBench.java http://localhost:8080 [--direct http://localhost:8081]
 *      [--token-url http://localhost:8080] [--edition bench-1000] [--sessions 1000] [--requests 1000] [--warmup 300]
 * </pre>
 * Each target is measured twice: with {@code Accept-Encoding: gzip} (as browsers send; the answer is inflated and
 * checked) and plain.
 *
 * It takes an organizer token from the dev identity provider ({@code POST <token-url>/api/auth/dev-token}, local
 * run), creates the edition and publishes the missing sessions through the API (once; later runs reuse them), then
 * times {@code GET /api/schedule/sessions?editionId=...&size=1000} sequentially (one client, keep-alive), first
 * through the given base URL (the gateway) and then, with --direct, against the service itself.
 */
public class ListEditionBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static final String USAGE = "usage: java bench/ListEditionBench.java [<base-url, default http://localhost:8080>]"
            + " [--direct <service-url>] [--token-url <url, default the base url>] [--edition bench-1000]"
            + " [--sessions 1000] [--requests 1000] [--warmup 300]";

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        String base = args.length > 0 && !args[0].startsWith("--") ? strip(args[0]) : "http://localhost:8080";
        String direct = option(args, "--direct", null);
        String tokenUrl = strip(option(args, "--token-url", base));
        String edition = option(args, "--edition", "bench-1000");
        int sessions = Integer.parseInt(option(args, "--sessions", "1000"));
        int requests = Integer.parseInt(option(args, "--requests", "1000"));
        int warmup = Integer.parseInt(option(args, "--warmup", "300"));

        String token = token(tokenUrl);
        String writeBase = direct != null ? strip(direct) : base;
        ensureEdition(writeBase, token, edition, sessions);

        String path = "/api/schedule/sessions?editionId=" + edition + "&size=" + sessions;
        for (boolean gzip : new boolean[] { true, false }) {
            measure("via " + base, base + path, sessions, warmup, requests, gzip);
            if (direct != null) {
                measure("direct " + direct, strip(direct) + path, sessions, warmup, requests, gzip);
            }
        }
    }

    /** gzip: send Accept-Encoding: gzip like every browser does, and inflate the answer (timed too). */
    static void measure(String label, String url, int expected, int warmup, int requests, boolean gzip)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en").GET();
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        HttpRequest req = b.build();
        label = label + (gzip ? " gzip" : " plain");
        int bytes = 0;
        for (int i = 0; i < warmup; i++) {
            bytes = send(req, expected);
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            send(req, expected);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf("%-46s %d requests of %d sessions (%d KiB on the wire): p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                label, requests, expected, bytes / 1024, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6);
    }

    static int send(HttpRequest req, int expected) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + req.uri() + " answered " + r.statusCode());
        }
        byte[] body = r.body();
        if (r.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
            try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                    new java.io.ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        String head = new String(body, body.length - Math.min(body.length, 200), Math.min(body.length, 200));
        Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(head);
        if (!m.find() || Integer.parseInt(m.group(1)) < expected) {
            throw new IllegalStateException("Expected " + expected + " sessions in the listing, tail was: " + head);
        }
        return r.body().length;
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static String token(String tokenUrl) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl + "/api/auth/dev-token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"bench-organizer\",\"roles\":[\"ORGANIZER\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("No dev token from " + tokenUrl + ": " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    static void ensureEdition(String base, String token, String edition, int sessions) throws Exception {
        HttpResponse<String> e = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/schedule/editions/" + edition))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (e.statusCode() == 404) {
            post(base, token, "/api/schedule/editions", """
                    {"id":"%s","name":{"en":"Benchmark week","zh":"基准测试周"},"startDate":"2030-01-07",
                     "endDate":"2030-01-20","timeZone":"Asia/Shanghai","campuses":["Pingyuan","Tongzhou"]}"""
                    .formatted(edition));
        }
        HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create(base
                + "/api/schedule/sessions?size=1&editionId=" + edition)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(list.body());
        int have = m.find() ? Integer.parseInt(m.group(1)) : 0;
        if (have >= sessions) {
            System.out.println("Edition " + edition + " already has " + have + " published sessions");
            return;
        }
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = have; i < sessions; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                int day = 7 + n % 14;
                int hour = 8 + (n / 14) % 12;
                int minute = (n / 168) * 5 % 60;
                String start = "2030-01-%02dT%02d:%02d:00+08:00".formatted(day, hour, minute);
                String end = "2030-01-%02dT%02d:%02d:00+08:00".formatted(day, hour + 1, minute);
                post(base, token, "/api/schedule/sessions", """
                        {"editionId":"%s","title":{"en":"Benchmark session %d","zh":"基准测试场次 %d"},"start":"%s","end":"%s",
                         "mode":"ONLINE","capacity":100,"joinLink":"https://meeting.example.edu/j/bench-%d",
                         "audience":["STUDENT"],"language":"en","publish":true}"""
                        .formatted(edition, n, n, start, end, n));
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("Created %d sessions in %.1f s%n", sessions - have, (System.nanoTime() - t0) / 1e9);
    }

    static void post(String base, String token, String path, String body) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
