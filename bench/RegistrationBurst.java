import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fires N simultaneous registrations at one S-seat session and checks that exactly S are confirmed.
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC bench/RegistrationBurst.java http://localhost:8080
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC bench/RegistrationBurst.java http://localhost:8080 --requests=1000 --seats=50 [--idp=http://localhost:8090]
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC bench/RegistrationBurst.java http://localhost:8080 --bursts=70 --pause=5 --summary-last=30
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC bench/RegistrationBurst.java http://localhost:8080 --analytics
 * java bench/RegistrationBurst.java --help
 * </pre>
 *
 * {@code --bursts=N} runs N bursts, each at a new session with new participants, {@code --pause} seconds apart
 * (default 5), and ends with a summary over the last {@code --summary-last} bursts (default all): the platform's JVMs
 * start cold, and their JIT compilers keep taking CPU for tens of bursts, so a sustained figure needs a long run.
 *
 * The two flags keep this client light: it runs on the same cores as the platform it measures. With a default JVM
 * (G1 and C2 compiling the HTTP client's code during the burst) it takes roughly twice the CPU per burst, which
 * would otherwise go to the platform.
 *
 * It mints every token (an organizer, a probe participant, one participant per request) at the dev identity
 * provider of the local stack ({@code POST <idp>/api/auth/dev-token}, {@code --idp=}, default
 * {@code http://localhost:8090}): the gateway rightly rate-limits {@code /api/auth/**}, and minting is not what this
 * benchmark measures. Through the gateway it creates and publishes the session with
 * {@code POST /api/schedule/sessions}, waits until registration-service knows it
 * ({@code GET /api/registrations/sessions/{id}/availability}), then starts every registration at once and reports
 * throughput, p50/p90/p99 and the outcome, and checks with the service that exactly S are confirmed.
 *
 * {@code --analytics} also waits, after each burst, until analytics-service's figures for the session
 * ({@code GET /api/analytics/sessions/{id}}) show exactly the confirmed and waitlisted counts the burst produced, and
 * reports how long after the burst that took (at most 60 s, else the burst fails). Off by default: the event-only
 * services run at the lowest CPU priority and catch up after a burst, and waiting for them changes the pace of a
 * sustained run.
 *
 * Options {@code --token-url=} (GET {@code ?sub=} returns a bare token) and {@code --session-url=} (GET
 * {@code ?capacity=} returns a new session id) let a harness without identity provider and schedule service stand
 * in. JDK only: no dependencies.
 */
public class RegistrationBurst {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(8)).build();

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            // the HTTP clients' pool threads are not daemons: without an explicit exit a failed run (the platform
            // not up yet, say) would hang here instead of ending
            System.err.println("FAILED: " + e);
            System.exit(1);
        }
    }

    /** One burst's figures. */
    record Burst(double throughput, long p50, long p99, boolean ok) {
    }

    static final String USAGE = "usage: java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC bench/RegistrationBurst.java"
            + " <gateway-url> [--requests=1000] [--seats=50] [--idp=http://localhost:8090]"
            + " [--bursts=1 --pause=5 --summary-last=N] [--analytics] [--token-url=URL] [--session-url=URL]";

    static void run(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            System.exit(0);
        }
        if (args.length < 1 || args[0].startsWith("--")) {
            System.err.println(USAGE);
            System.exit(2);
        }
        String base = args[0].replaceAll("/$", "");
        Map<String, String> opt = new TreeMap<>();
        for (String a : Arrays.copyOfRange(args, 1, args.length)) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opt.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int requests = Integer.parseInt(opt.getOrDefault("requests", "1000"));
        int seats = Integer.parseInt(opt.getOrDefault("seats", "50"));
        String tokenUrl = opt.get("token-url");
        String sessionUrl = opt.get("session-url");
        String idp = opt.getOrDefault("idp", "http://localhost:8090").replaceAll("/$", "");
        boolean analytics = opt.containsKey("analytics");
        int bursts = Integer.parseInt(opt.getOrDefault("bursts", "1"));
        long pauseMillis = Math.round(Double.parseDouble(opt.getOrDefault("pause", "5")) * 1000);
        int summaryLast = Math.max(1, Math.min(bursts,
                Integer.parseInt(opt.getOrDefault("summary-last", String.valueOf(bursts)))));
        List<Burst> results = new ArrayList<>();
        for (int b = 1; b <= bursts; b++) {
            if (b > 1) {
                System.gc(); // the previous burst's client and its 1,000 connections
                Thread.sleep(pauseMillis);
            }
            if (bursts > 1) {
                System.out.printf("%n== burst %d of %d at %s%n", b, bursts,
                        Instant.now().truncatedTo(ChronoUnit.SECONDS));
            }
            results.add(burst(base, tokenUrl, sessionUrl, idp, requests, seats, analytics));
        }
        boolean allOk = results.stream().allMatch(Burst::ok);
        if (bursts > 1) {
            summarize(results.subList(bursts - summaryLast, bursts), bursts - summaryLast + 1, bursts);
            System.out.println(allOk ? "OK: every burst answered all and confirmed exactly " + seats : "FAILED");
        }
        PlatformMemory.report();
        System.exit(allOk ? 0 : 1);
    }

    static void summarize(List<Burst> last, int from, int to) {
        double[] rates = last.stream().mapToDouble(Burst::throughput).sorted().toArray();
        long[] p99 = last.stream().mapToLong(Burst::p99).sorted().toArray();
        long[] p50 = last.stream().mapToLong(Burst::p50).sorted().toArray();
        System.out.printf("%nbursts %d-%d: throughput min %.0f / median %.0f / max %.0f registrations/s; "
                + "p50 median %d ms; p99 min %d / median %d / max %d ms%n", from, to, rates[0], rates[rates.length / 2],
                rates[rates.length - 1], p50[p50.length / 2], p99[0], p99[p99.length / 2], p99[p99.length - 1]);
    }

    static Burst burst(String base, String tokenUrl, String sessionUrl, String idp, int requests, int seats,
            boolean analytics) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);

        String organizer = token(idp, tokenUrl, "bench-organizer-" + run, "ORGANIZER");
        String sessionId = sessionUrl != null ? get(sessionUrl + "?capacity=" + seats, null).body().trim()
                : createSession(base, organizer, seats, run);
        System.out.printf("session %s with %d seats%n", sessionId, seats);

        String probe = token(idp, tokenUrl, "bench-probe-" + run, "PARTICIPANT");
        long waitStart = System.nanoTime();
        while (get(base + "/api/registrations/sessions/" + sessionId + "/availability", probe).statusCode() != 200) {
            if (System.nanoTime() - waitStart > Duration.ofSeconds(60).toNanos()) {
                throw new IllegalStateException("registration-service did not learn session " + sessionId);
            }
            Thread.sleep(100);
        }
        System.out.printf("registration-service knew the session after %d ms%n",
                (System.nanoTime() - waitStart) / 1_000_000);

        String[] tokens = mintTokens(idp, tokenUrl, run, requests);
        System.out.printf("minted %d participant tokens; firing %d registrations at once%n", requests, requests);
        // a client of its own, with no connection open yet: each simultaneous request opens its own, as 1,000 phones would
        ExecutorService clientPool = Executors.newFixedThreadPool(4);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .version(HttpClient.Version.HTTP_1_1).executor(clientPool).build();

        long[] latency = new long[requests];
        int[] status = new int[requests];
        String[] outcome = new String[requests];
        List<CompletableFuture<Void>> all = new ArrayList<>();
        String body = "{\"sessionId\":\"" + sessionId + "\"}";
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            int n = i;
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/registrations"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + tokens[i])
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t0 = System.nanoTime();
            all.add(client.sendAsync(req, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
                latency[n] = System.nanoTime() - t0;
                status[n] = r == null ? -1 : r.statusCode();
                outcome[n] = r == null ? String.valueOf(e) : field(r.body(), "status");
                return null;
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;

        long[] sorted = latency.clone();
        Arrays.sort(sorted);
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            statuses.merge(String.valueOf(status[i]), 1, Integer::sum);
            outcomes.merge(String.valueOf(outcome[i]), 1, Integer::sum);
        }
        int confirmed = outcomes.getOrDefault("CONFIRMED", 0);
        int answered = (int) Arrays.stream(status).filter(s -> s == 201 || s == 200).count();
        System.out.printf("requests %d, wall %.3f s, throughput %.0f registrations/s%n", requests, seconds,
                requests / seconds);
        System.out.printf("latency p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n", ms(sorted, 0.50), ms(sorted, 0.90),
                ms(sorted, 0.99), sorted[sorted.length - 1] / 1_000_000);
        System.out.printf("HTTP statuses %s, outcomes %s%n", statuses, outcomes);

        // The check retries: right after a burst the gateway's circuit breaker may still be open (503 for ~10 s).
        HttpResponse<String> checked = null;
        for (int attempt = 0; attempt < 30 && (checked == null || checked.statusCode() != 200); attempt++) {
            if (checked != null) {
                Thread.sleep(1000);
            }
            checked = get(base + "/api/registrations/sessions/" + sessionId + "?status=CONFIRMED&size=1000",
                    organizer);
        }
        String check = checked.body();
        int confirmedServer = count(check, "\"status\":\"CONFIRMED\"");
        System.out.printf("server says %d confirmed%n", confirmedServer);
        boolean ok = answered == requests && confirmed == seats && confirmedServer == seats;
        if (analytics) {
            ok &= analyticsAgree(base, organizer, sessionId, confirmed, outcomes.getOrDefault("WAITLISTED", 0));
        }
        System.out.println(ok ? "OK: all answered, exactly " + seats + " confirmed" : "FAILED");
        // Java 17 has no HttpClient.close(): the client's connections close once it is collected (the pause's gc).
        clientPool.shutdown();
        return new Burst(requests / seconds, ms(sorted, 0.50), ms(sorted, 0.99), ok);
    }

    /** Waits until analytics-service shows the burst's counts for the session; prints how long that took. */
    static boolean analyticsAgree(String base, String organizer, String sessionId, int confirmed, int waitlisted)
            throws Exception {
        long from = System.nanoTime();
        String seen = "nothing";
        while (System.nanoTime() - from < Duration.ofSeconds(60).toNanos()) {
            HttpResponse<String> r = get(base + "/api/analytics/sessions/" + sessionId, organizer);
            if (r.statusCode() == 200) {
                long c = number(r.body(), "confirmed");
                long w = number(r.body(), "waitlisted");
                seen = c + " confirmed, " + w + " waitlisted";
                if (c == confirmed && w == waitlisted) {
                    System.out.printf("analytics showed %s %d ms after the burst%n", seen,
                            (System.nanoTime() - from) / 1_000_000);
                    return true;
                }
            }
            Thread.sleep(200);
        }
        System.out.printf("analytics still showed %s after 60 s, expected %d confirmed, %d waitlisted%n", seen,
                confirmed, waitlisted);
        return false;
    }

    static String[] mintTokens(String idp, String tokenUrl, String run, int n) throws Exception {
        String[] tokens = new String[n];
        ExecutorService pool = Executors.newFixedThreadPool(16);
        Semaphore done = new Semaphore(0);
        for (int i = 0; i < n; i++) {
            int k = i;
            pool.submit(() -> {
                try {
                    tokens[k] = token(idp, tokenUrl, "bench-" + run + "-" + k, "PARTICIPANT");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.release();
                }
            });
        }
        done.acquire(n);
        pool.shutdown();
        for (String t : tokens) {
            if (t == null) {
                throw new IllegalStateException("could not mint every token");
            }
        }
        return tokens;
    }

    static String token(String idp, String tokenUrl, String sub, String role) throws Exception {
        if (tokenUrl != null) {
            return get(tokenUrl + "?sub=" + sub + "&role=" + role, null).body().trim();
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(idp + "/api/auth/dev-token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"" + sub + "\",\"name\":\"Bench " + sub
                        + "\",\"roles\":[\"" + role + "\"],\"ttlSeconds\":3600}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("dev-token answered " + r.statusCode() + ": " + r.body());
        }
        return field(r.body(), "access_token");
    }

    static String createSession(String base, String organizer, int seats, String run) throws Exception {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String json = "{\"title\":{\"en\":\"Registration burst " + run + "\",\"zh\":\"报名压力测试\"},"
                + "\"start\":\"" + start + "\",\"end\":\"" + start.plus(90, ChronoUnit.MINUTES) + "\","
                + "\"timeZone\":\"Asia/Shanghai\",\"mode\":\"ONLINE\",\"capacity\":" + seats + ","
                + "\"joinLink\":\"https://meeting.example.edu/j/bench-" + run + "\",\"publish\":true}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/schedule/sessions"))
                .header("Authorization", "Bearer " + organizer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("creating the session answered " + r.statusCode() + ": " + r.body());
        }
        return field(r.body(), "id");
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** The first numeric field of that name: the top-level one in a session's figures, before the breakdowns. */
    static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static long ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1_000_000;
    }

    /**
     * The platform's resident memory at the end of the run, read from /proc on this machine: the launcher (with the
     * embedded stack), Keycloak and every service JVM it started, found by their command lines.
     */
    static final class PlatformMemory {

        private static final List<String> MARKERS = List.of("eduweek-local.jar", "keycloak", "schedule-service",
                "registration-service", "notification-service", "analytics-service", "gateway");

        /** What in a command line names the process: the launcher's jar, Keycloak's home, a service's app folder. */
        private static String needle(String marker) {
            return marker.endsWith(".jar") ? marker : marker.equals("keycloak") ? "-Dkc.home.dir=" : "apps/" + marker;
        }

        static void report() {
            java.nio.file.Path proc = java.nio.file.Path.of("/proc");
            if (!java.nio.file.Files.isDirectory(proc)) {
                return;
            }
            long total = 0;
            StringBuilder each = new StringBuilder();
            try (var dirs = java.nio.file.Files.list(proc)) {
                for (java.nio.file.Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                    String cmd = read(dir.resolve("cmdline")).replace('\0', ' ');
                    String marker = MARKERS.stream().filter(m -> cmd.contains(needle(m)))
                            .findFirst().orElse(null);
                    if (marker == null || !cmd.contains("java")) {
                        continue;
                    }
                    long kib = read(dir.resolve("status")).lines().filter(l -> l.startsWith("VmRSS:"))
                            .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).sum();
                    total += kib;
                    each.append(String.format(" %s %d MiB;", marker, kib / 1024));
                }
            } catch (java.io.IOException e) {
                return;
            }
            System.out.printf("platform resident memory at the end: %.2f GiB (%s)%n", total / 1024.0 / 1024.0,
                    each.toString().trim());
        }

        private static String read(java.nio.file.Path file) {
            try {
                return new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException | RuntimeException e) {
                return "";
            }
        }
    }
}
