package org.eduweek.local.keycloak;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eduweek.local.PlatformOptions;
import org.eduweek.local.launcher.JavaRuntime;
import org.eduweek.local.launcher.ServiceProcess;

/**
 * Keycloak as a child process of the launcher: {@code kc.sh start --optimized} from the cached distribution, HTTP on
 * the loopback address, its home and H2 file in the data folder ({@link KeycloakHome}), the realm
 * ({@code deploy/keycloak/eduweek-realm.json}) imported on the first start and kept after. Ready when the realm's
 * discovery document answers; then the run's own settings (the SMTP port of this run's mail capture) are written to
 * the realm through the admin API, since an imported realm is never imported again; so is registration-service's
 * service-account client (created or updated with this data folder's secret on every start).
 * <p>
 * Its public address, and so the issuer of its tokens, is fixed ({@code http://127.0.0.1:<port>}), whatever host
 * name a browser or a service uses to reach it: a token's {@code iss} must be one exact string for the services.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "eduweek";
    public static final String CLIENT_ID = "eduweek-portal";
    /** registration-service's service-account client for the admin API (accounts, ORGANIZER, walk-in invitations). */
    public static final String ACCOUNTS_CLIENT_ID = "eduweek-registration-admin";
    /** All that service account may do: find and manage users, nothing of the realm's settings or clients. */
    static final List<String> ACCOUNTS_CLIENT_ROLES = List.of("view-users", "query-users", "manage-users");
    /**
     * Keycloak's heap and collector ({@code JAVA_OPTS_KC_HEAP}, which {@code kc.sh} appends to its own JAVA_OPTS, so
     * these win). Its own default is {@code -Xms64m -Xmx512m} on G1; here it serves one realm's sign-ins on one
     * machine and holds about 100 MiB of heap after its start, so 256 MiB on SerialGC (one GC thread, no G1
     * remembered sets) is plenty. C2 stays: password hashing (PBKDF2) is CPU-bound.
     */
    static final String HEAP = "-Xms64m -Xmx256m -XX:-UseG1GC -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m";

    /** Where and how to run it. {@code javaHome} is {@code KEYCLOAK_JAVA_HOME} (else the newest JDK 21+ found). */
    public record Settings(Path dataDir, Path cacheRoot, Path repoRoot, String bindAddress, int port, String smtpHost,
            int smtpPort, String javaHome, Duration startTimeout, Map<String, String> env, Consumer<String> console) {
    }

    private final Settings settings;
    private final KeycloakHome home;
    private final JavaRuntime java;
    private final Process process;
    private final Path logFile;
    private final Instant startedAt = Instant.now();
    private volatile boolean stopping;

    private KeycloakServer(Settings settings, KeycloakHome home, JavaRuntime java, Process process, Path logFile) {
        this.settings = settings;
        this.home = home;
        this.java = java;
        this.process = process;
        this.logFile = logFile;
    }

    /** Prepares the distribution (first time only) and the instance's home, and starts it; see {@link #awaitReady}. */
    public static KeycloakServer start(Settings s) throws IOException, InterruptedException {
        JavaRuntime java = javaFor(s.javaHome());
        String version = KeycloakDistribution.builtVersion();
        KeycloakDistribution distribution = KeycloakDistribution.prepare(s.cacheRoot(),
                KeycloakDistribution.locateZip(version, s.repoRoot(), s.env()), version, java, s.console());
        KeycloakHome home = KeycloakHome.prepare(s.dataDir().resolve("keycloak"), distribution);
        String url = "http://127.0.0.1:" + s.port();
        List<String> command = new ArrayList<>(List.of(home.kcSh().toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=" + s.bindAddress(), "--http-port=" + s.port(),
                "--hostname=" + url, "--cache=local", "--import-realm", "--log-console-color=false"));
        Path logFile = s.dataDir().resolve("logs").resolve("keycloak.log");
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, "==== " + Instant.now() + " eduweek-local starts Keycloak " + version + " on port "
                + s.port() + " with Java " + java.feature() + ": " + String.join(" ", command) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.dir().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", java.home().toString());
        env.remove("JAVA_OPTS");
        env.put("JAVA_OPTS_KC_HEAP", HEAP + (java.feature() >= 22 ? " " + PlatformOptions.TRIM_NATIVE_HEAP : ""));
        env.put("MALLOC_ARENA_MAX", PlatformOptions.MALLOC_ARENA_MAX);
        // the first admin of the master realm, made on the first start only (then kept in the H2 file)
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakHome.ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", home.adminPassword());
        // placeholders of eduweek-realm.json, read when the realm is imported
        env.put("OIDC_CLIENT_SECRET", home.clientSecret());
        env.put("IDENTITY_ADMIN_CLIENT_SECRET", home.accountsClientSecret());
        env.put("EDUWEEK_SMTP_HOST", s.smtpHost());
        env.put("EDUWEEK_SMTP_PORT", String.valueOf(s.smtpPort()));
        KeycloakServer server = new KeycloakServer(s, home, java, builder.start(), logFile);
        server.process.onExit().thenAccept(p -> {
            if (!server.stopping) {
                // Ctrl-C in a terminal reaches kc.sh with the launcher, which passes it on: a stop, not a crash
                int code = p.exitValue();
                s.console().accept(code == 130 || code == 143 ? "Keycloak (pid " + p.pid() + ") stopped on a signal"
                        : "!! Keycloak (pid " + p.pid() + ") exited unexpectedly with code " + code + "; see "
                                + logFile);
            }
        });
        return server;
    }

    static JavaRuntime javaFor(String explicitHome) {
        JavaRuntime java = JavaRuntime.pick(explicitHome, "KEYCLOAK_JAVA_HOME");
        if (java.feature() < 17) {
            throw new IllegalArgumentException("Keycloak needs Java 17 or later (21+ preferred); "
                    + java.executable() + " is Java " + java.feature() + ". Point KEYCLOAK_JAVA_HOME at a newer JDK.");
        }
        return java;
    }

    /** Waits until the realm's discovery document answers, then writes this run's settings into the realm. */
    public Duration awaitReady(HttpClient http) throws InterruptedException {
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(settings.startTimeout());
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new ServiceProcess.StartupFailedException("Keycloak exited with code " + process.exitValue()
                        + " before it was ready. Its log " + logFile + " ends with:\n" + tail(40));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery)
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    KeycloakAdmin admin = new KeycloakAdmin(http, url(), home.adminPassword());
                    admin.useMailCapture(REALM, settings.smtpHost(), settings.smtpPort());
                    admin.ensureServiceAccountClient(REALM, ACCOUNTS_CLIENT_ID, home.accountsClientSecret(),
                            ACCOUNTS_CLIENT_ROLES);
                    admin.applyUserProfile(REALM, Files.readString(
                            home.dir().resolve("data/import/eduweek-realm.json")));
                    return Duration.between(startedAt, Instant.now());
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            }
            Thread.sleep(250);
        }
        throw new ServiceProcess.StartupFailedException("Keycloak was not ready within "
                + settings.startTimeout().toSeconds() + " s (last: " + last + "). Its log " + logFile
                + " ends with:\n" + tail(40));
    }

    public String url() {
        return "http://127.0.0.1:" + settings.port();
    }

    /** The {@code iss} of its tokens and the base of its OpenID endpoints ({@code OIDC_ISSUER_URI}). */
    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public String accountConsoleUrl() {
        return issuer() + "/account";
    }

    public String adminConsoleUrl() {
        return url() + "/admin/";
    }

    public String adminUser() {
        return KeycloakHome.ADMIN_USER;
    }

    public String adminPassword() {
        return home.adminPassword();
    }

    public String clientSecret() {
        return home.clientSecret();
    }

    public String accountsClientSecret() {
        return home.accountsClientSecret();
    }

    public int port() {
        return settings.port();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    public JavaRuntime java() {
        return java;
    }

    /** SIGTERM (kc.sh passes it on to Keycloak's JVM, which stops gracefully), wait, then kill what is left. */
    @Override
    public void close() {
        stopping = true;
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    public String tail(int lines) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - 16_384);
            file.seek(from);
            byte[] bytes = new byte[(int) (length - from)];
            file.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\n");
            return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
