package org.eduweek.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.eduweek.local.keycloak.KeycloakHome;
import org.eduweek.local.keycloak.KeycloakServer;
import org.eduweek.local.launcher.AppLayout;
import org.eduweek.local.launcher.JavaRuntime;
import org.eduweek.local.launcher.Ports;
import org.eduweek.local.launcher.ServiceProcess;
import org.eduweek.local.launcher.ServiceSpec;
import org.eduweek.local.stack.EmbeddedStack;
import org.eduweek.local.stack.StackPorts;

/**
 * The running platform: the embedded stack in this JVM plus Keycloak and one child JVM per service. {@link #start}
 * checks every port first, starts Keycloak (it takes longest) and the stack, starts the service jars, and waits until
 * each {@code /actuator/health} (on its management port) is UP and Keycloak's realm answers; the gateway, the OpenID
 * client of the portal, starts once Keycloak is ready. Anything that fails on the way is stopped again. {@link #close}
 * stops the gateway, then the services and Keycloak, then the stack. The launcher's main and the end-to-end tests
 * both use this class.
 */
public final class Platform implements AutoCloseable {

    /** One waiting thread per service (the common pool has a single thread on 2 cores). */
    private static final Executor WAITERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "eduweek-health-wait");
        t.setDaemon(true);
        return t;
    });

    private final PlatformOptions options;
    private final Path dataDir;
    private final StackPorts stackPorts;
    private final Map<ServiceSpec, Integer> ports;
    private final int keycloakPort;
    /** Each child's management port (metrics, health details): a free one, picked when its environment is built. */
    private final Map<ServiceSpec, Integer> managementPorts = new EnumMap<>(ServiceSpec.class);
    private final Consumer<String> console;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::close, "eduweek-shutdown");
    private EmbeddedStack stack;
    private volatile KeycloakServer keycloak;
    private CompletableFuture<KeycloakServer> keycloakReady;
    private JavaRuntime java;
    private Duration startupTime;
    private volatile boolean closed;

    private Platform(PlatformOptions options, Path dataDir, StackPorts stackPorts, Map<ServiceSpec, Integer> ports,
            int keycloakPort) {
        this.options = options;
        this.dataDir = dataDir;
        this.stackPorts = stackPorts;
        this.ports = ports;
        this.keycloakPort = keycloakPort;
        this.console = options.console();
    }

    public static Platform start(PlatformOptions options) throws IOException, InterruptedException {
        Instant begin = Instant.now();
        // Ports before the data folder: a second launcher on a running one's ports must not --reset its data.
        Map<ServiceSpec, Integer> ports = new EnumMap<>(ServiceSpec.class);
        int[] keycloakPort = new int[1];
        StackPorts stackPorts = assignPorts(options, ports, keycloakPort);
        Path repo = options.services().isEmpty() ? null : options.resolveRepoRoot();
        Map<ServiceSpec, Path> jars = new EnumMap<>(ServiceSpec.class);
        for (ServiceSpec spec : options.services()) {
            Path jar = repo.resolve(spec.module()).resolve("target").resolve(spec.module() + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("Missing " + jar + ". Build first: ./mvnw -q -DskipTests install");
            }
            jars.put(spec, jar);
        }
        Path dataDir = DataFolder.prepare(options.dataDir(), options.reset());
        StackLogging.toFile(dataDir.resolve("logs").resolve("stack.log"));
        Platform platform = new Platform(options, dataDir, stackPorts, ports, keycloakPort[0]);
        Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
        try {
            platform.startAll(jars);
        } catch (IOException | InterruptedException | RuntimeException e) {
            platform.close();
            throw e;
        }
        platform.startupTime = Duration.between(begin, Instant.now());
        return platform;
    }

    /** Checks the fixed ports (clear message naming the env var) and picks free ones where 0 was asked. */
    private static StackPorts assignPorts(PlatformOptions o, Map<ServiceSpec, Integer> ports, int[] keycloakPort) {
        Map<String, int[]> wanted = new LinkedHashMap<>();
        Map<String, String> envVars = new LinkedHashMap<>();
        for (ServiceSpec spec : o.services()) {
            wanted.put(spec.module(), new int[] {o.servicePort(spec)});
            envVars.put(spec.module(), spec.portEnv());
        }
        wanted.put("stack HTTP", new int[] {o.stackPort()});
        envVars.put("stack HTTP", "EDUWEEK_STACK_PORT");
        // A part that is not started keeps its number (for the URLs shown) but is not checked.
        wanted.put("Kafka", new int[] {o.stackKafka() ? o.kafkaPort() : -o.kafkaPort()});
        envVars.put("Kafka", "EDUWEEK_KAFKA_PORT");
        wanted.put("Kafka controller", new int[] {o.stackKafka() ? o.kafkaControllerPort() : -o.kafkaControllerPort()});
        envVars.put("Kafka controller", "EDUWEEK_KAFKA_CONTROLLER_PORT");
        wanted.put("MongoDB", new int[] {o.stackMongo() ? o.mongoPort() : -o.mongoPort()});
        envVars.put("MongoDB", "EDUWEEK_MONGO_PORT");
        wanted.put("SMTP", new int[] {o.smtpPort()});
        envVars.put("SMTP", "EDUWEEK_SMTP_PORT");
        wanted.put("Keycloak", new int[] {o.keycloak() ? o.keycloakPort() : -o.keycloakPort()});
        envVars.put("Keycloak", "EDUWEEK_KEYCLOAK_PORT");
        Set<Integer> used = new HashSet<>();
        for (Map.Entry<String, int[]> entry : wanted.entrySet()) {
            int port = entry.getValue()[0];
            if (port <= 0) {
                continue;
            }
            if (!used.add(port)) {
                throw new IllegalArgumentException("Port " + port + " is configured twice (again for "
                        + entry.getKey() + ", " + envVars.get(entry.getKey()) + ")");
            }
            if (!Ports.isFree(port)) {
                throw new Ports.PortInUseException(entry.getKey(), port, envVars.get(entry.getKey()));
            }
        }
        for (int[] port : wanted.values()) {
            port[0] = Math.abs(port[0]);
            while (port[0] == 0) {
                int candidate = Ports.free();
                if (used.add(candidate)) {
                    port[0] = candidate;
                }
            }
        }
        for (ServiceSpec spec : o.services()) {
            ports.put(spec, wanted.get(spec.module())[0]);
        }
        keycloakPort[0] = wanted.get("Keycloak")[0];
        return new StackPorts(wanted.get("stack HTTP")[0], wanted.get("Kafka")[0], wanted.get("Kafka controller")[0],
                wanted.get("MongoDB")[0], wanted.get("SMTP")[0]);
    }

    private void startAll(Map<ServiceSpec, Path> jars) throws IOException, InterruptedException {
        String issuer = options.jwtIssuer() != null ? options.jwtIssuer() : "http://127.0.0.1:" + stackPorts.http();
        Path logs = Files.createDirectories(dataDir.resolve("logs"));
        java = jars.isEmpty() ? null : JavaRuntime.pick(options.javaHome());
        // Preparing the service jars (extract once per build for CDS) overlaps with the stack's start.
        Map<ServiceSpec, CompletableFuture<List<String>>> launches = new EnumMap<>(ServiceSpec.class);
        jars.forEach((spec, jar) -> launches.put(spec, CompletableFuture.supplyAsync(() -> {
            try {
                return AppLayout.prepare(spec, jar, dataDir.resolve("apps"), java, options.cds());
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        }, WAITERS)));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        if (options.keycloak()) {
            keycloakReady = CompletableFuture.supplyAsync(() -> startKeycloak(http), WAITERS);
        }
        console.accept("Starting the embedded stack (Kafka, MongoDB, SMTP, dev identity provider) in " + dataDir);
        Instant stackBegin = Instant.now();
        stack = EmbeddedStack.start(dataDir, stackPorts, issuer,
                new EmbeddedStack.Parts(options.stackKafka(), options.stackMongo(), options.bindAddress()));
        console.accept("Stack up in " + millis(Duration.between(stackBegin, Instant.now())));
        if (jars.isEmpty()) {
            awaitKeycloak();
            return;
        }
        console.accept("Starting " + jars.keySet() + " with Java " + java.feature() + " (" + java.executable() + ")");
        List<ServiceSpec> first = new ArrayList<>(jars.keySet());
        List<ServiceSpec> second = new ArrayList<>();
        if (options.gatewayLast() && first.remove(ServiceSpec.GATEWAY)) {
            second.add(ServiceSpec.GATEWAY);
        }
        for (List<ServiceSpec> wave : List.of(first, second)) {
            List<CompletableFuture<Void>> healthy = new ArrayList<>();
            for (ServiceSpec spec : wave) {
                if (spec == ServiceSpec.GATEWAY) {
                    // the portal's sign-in client reads Keycloak's discovery document when it starts
                    awaitKeycloak();
                }
                List<String> launch;
                try {
                    launch = launches.get(spec).join();
                } catch (CompletionException e) {
                    throw new IOException("Could not prepare " + jars.get(spec) + ": " + e.getCause(), e.getCause());
                }
                ServiceProcess process = ServiceProcess.start(spec, java, launch, ports.get(spec),
                        jvmOptionsFor(spec), spec.isBackgroundConsumer() ? options.backgroundNice() : 0,
                        environment(spec, issuer), dataDir, logs.resolve(spec.module() + ".log"), console);
                synchronized (processes) {
                    processes.add(process);
                }
                healthy.add(CompletableFuture.runAsync(() -> {
                    try {
                        Duration took = process.awaitHealthy(http, URI.create(managementUrl(spec)
                                + "/actuator/health"), options.startTimeout());
                        console.accept(spec + " is UP on " + process.url() + " (" + millis(took) + ")");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CompletionException(e);
                    }
                }, WAITERS));
            }
            // Fail fast: the first service that dies or times out ends the wait (close() then stops the others).
            CompletableFuture<Void> firstFailure = new CompletableFuture<>();
            healthy.forEach(f -> f.whenComplete((ok, error) -> {
                if (error != null) {
                    firstFailure.completeExceptionally(error);
                }
            }));
            try {
                CompletableFuture.anyOf(CompletableFuture.allOf(healthy.toArray(CompletableFuture[]::new)), firstFailure)
                        .join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
        }
        awaitKeycloak();
    }

    private KeycloakServer startKeycloak(HttpClient http) {
        Path repo;
        try {
            repo = options.resolveRepoRoot();
        } catch (IllegalStateException e) {
            repo = null;
        }
        try {
            KeycloakServer server = KeycloakServer.start(new KeycloakServer.Settings(dataDir, options.cacheDir(), repo,
                    options.bindAddress(), keycloakPort, "127.0.0.1", stackPorts.smtp(), options.keycloakJavaHome(),
                    options.startTimeout(), System.getenv(), console));
            keycloak = server;
            if (closed) {
                server.close();
                throw new IllegalStateException("stopped while Keycloak was starting");
            }
            console.accept("Starting Keycloak (pid " + server.pid() + ") with Java " + server.java().feature() + " ("
                    + server.java().executable() + ")");
            Duration took = server.awaitReady(http);
            console.accept("Keycloak is UP on " + server.url() + " (" + millis(took) + ")");
            return server;
        } catch (IOException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /** Stops Keycloak and starts it again on the same data folder and port (the rest keeps running). */
    public void restartKeycloak() throws IOException {
        KeycloakServer running = keycloak;
        if (running == null) {
            throw new IllegalStateException("Keycloak is not part of this platform");
        }
        console.accept("Restarting Keycloak (pid " + running.pid() + ")");
        running.close();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        keycloakReady = CompletableFuture.supplyAsync(() -> startKeycloak(http), WAITERS);
        awaitKeycloak();
    }

    /** Waits for Keycloak's start (a no-op without it); its failure fails the platform's start. */
    private void awaitKeycloak() throws IOException {
        if (keycloakReady == null) {
            return;
        }
        try {
            keycloakReady.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException("Keycloak did not start: " + cause, cause);
        }
    }

    /** Keycloak's issuer ({@code OIDC_ISSUER_URI}): fixed by its port, known before it has started. */
    public String keycloakIssuer() {
        return "http://127.0.0.1:" + keycloakPort + "/realms/" + KeycloakServer.REALM;
    }

    /** registration-service's secret for Keycloak's admin API, kept in the data folder's Keycloak home. */
    private String accountsClientSecret() {
        try {
            return KeycloakHome.accountsClientSecret(dataDir.resolve("keycloak"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or make the Keycloak secrets in " + dataDir, e);
        }
    }

    /** The env vars of docs/CONTRACTS.md for one service. */
    Map<String, String> environment(ServiceSpec spec, String issuer) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(ports.get(spec)));
        env.put(spec.portEnv(), String.valueOf(ports.get(spec)));
        // Loopback only by default: on a laptop the services need not be reachable from the network.
        env.put("SERVER_ADDRESS", options.bindAddress());
        env.put("SPRING_PROFILES_ACTIVE", "local");
        // on loopback unless MANAGEMENT_ADDRESS says otherwise (the children inherit the launcher's environment)
        env.put("MANAGEMENT_PORT", String.valueOf(managementPort(spec)));
        env.put("KAFKA_BROKERS", stack.kafkaBootstrapServers());
        if (spec.database() != null) {
            env.put("MONGODB_URI", stack.mongoUri(spec.database()));
        }
        env.put("JWT_JWK_SET_URI", stack.httpUrl() + "/.well-known/jwks.json");
        env.put("JWT_ISSUER", issuer);
        env.put("JWT_AUDIENCE", options.jwtAudience());
        if (options.keycloak()) {
            // the provider people sign in with; services trust its tokens besides the dev provider's (local profile)
            env.put("OIDC_ISSUER_URI", keycloakIssuer());
            env.put("OIDC_CLIENT_ID", KeycloakServer.CLIENT_ID);
            if (spec == ServiceSpec.GATEWAY && keycloak != null) {
                env.put("OIDC_CLIENT_SECRET", keycloak.clientSecret());
            }
            if (spec == ServiceSpec.REGISTRATION) {
                // the admin API for accounts and walk-ins; the service may start before Keycloak is ready, and
                // answers 503 identity-admin-unavailable until it is
                env.put("IDENTITY_ADMIN_URL", "http://127.0.0.1:" + keycloakPort);
                env.put("IDENTITY_ADMIN_REALM", KeycloakServer.REALM);
                env.put("IDENTITY_ADMIN_CLIENT_ID", KeycloakServer.ACCOUNTS_CLIENT_ID);
                env.put("IDENTITY_ADMIN_CLIENT_SECRET", accountsClientSecret());
            }
        }
        env.put("EDUWEEK_DATA_DIR", dataDir.toString());
        // glibc makes up to 8 malloc arenas per core for a many-threaded process and keeps their freed memory
        env.put("MALLOC_ARENA_MAX", PlatformOptions.MALLOC_ARENA_MAX);
        if (spec == ServiceSpec.NOTIFICATION) {
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", String.valueOf(stackPorts.smtp()));
            env.put("MAIL_FROM", "eduweek@localhost");
            env.put("SMS_PROVIDER", "generic");
            env.put("SMS_PROVIDER_URL", stack.httpUrl() + "/sms/messages");
        }
        if (spec == ServiceSpec.GATEWAY) {
            for (ServiceSpec target : ServiceSpec.values()) {
                if (target.urlEnv() != null) {
                    int port = ports.getOrDefault(target, options.servicePort(target));
                    env.put(target.urlEnv(), "http://127.0.0.1:" + port);
                }
            }
            env.put("STACK_URL", stack.httpUrl());
        }
        if (options.demo()) {
            env.put("EDUWEEK_DEMO", "true");
            if (spec == ServiceSpec.SCHEDULE) {
                env.put("EDUWEEK_DEMO_REBASE", "true");
            }
        }
        env.putAll(options.extraEnv());
        return env;
    }

    public Path dataDir() {
        return dataDir;
    }

    public StackPorts stackPorts() {
        return stackPorts;
    }

    public EmbeddedStack stack() {
        return stack;
    }

    /** The running Keycloak, or null when started without it. */
    public KeycloakServer keycloak() {
        return keycloak;
    }

    public int keycloakPort() {
        return keycloakPort;
    }

    public int servicePort(ServiceSpec spec) {
        return ports.getOrDefault(spec, options.servicePort(spec));
    }

    public String serviceUrl(ServiceSpec spec) {
        return "http://127.0.0.1:" + servicePort(spec);
    }

    /** The child's management port: {@code /actuator/prometheus}, {@code /actuator/metrics}, health details. */
    public synchronized int managementPort(ServiceSpec spec) {
        return managementPorts.computeIfAbsent(spec, s -> {
            while (true) {
                int candidate = Ports.free();
                if (!ports.containsValue(candidate) && candidate != stackPorts.http() && candidate != stackPorts.kafka()
                        && candidate != stackPorts.kafkaController() && candidate != stackPorts.mongo()
                        && candidate != stackPorts.smtp()) {
                    return candidate;
                }
            }
        });
    }

    public String managementUrl(ServiceSpec spec) {
        return "http://127.0.0.1:" + managementPort(spec);
    }

    public String gatewayUrl() {
        return serviceUrl(ServiceSpec.GATEWAY);
    }

    public String kafkaBootstrapServers() {
        return stack.kafkaBootstrapServers();
    }

    public String stackUrl() {
        return stack.httpUrl();
    }

    public Duration startupTime() {
        return startupTime;
    }

    public List<ServiceProcess> processes() {
        synchronized (processes) {
            return List.copyOf(processes);
        }
    }

    public ServiceProcess process(ServiceSpec spec) {
        return processes().stream().filter(p -> p.spec() == spec).findFirst().orElse(null);
    }

    /** The table the launcher prints once everything is UP. */
    public void printSummary(PrintStream out) {
        String gateway = "http://localhost:" + servicePort(ServiceSpec.GATEWAY);
        String stackUrl = "http://localhost:" + stackPorts.http();
        out.println();
        out.println("  eduweek is running (started in " + millis(startupTime) + ", data in " + dataDir + ")");
        out.println();
        String entry = ports.containsKey(ServiceSpec.GATEWAY) ? gateway : stackUrl;
        if (ports.containsKey(ServiceSpec.GATEWAY)) {
            row(out, "Gateway (public entry)", gateway);
            row(out, "Swagger UI", gateway + "/api/docs");
        }
        row(out, "Dev token", "POST " + entry + "/api/auth/dev-token");
        row(out, "Captured emails", entry + "/api/dev/emails");
        row(out, "Captured SMS", entry + "/api/dev/sms");
        for (ServiceProcess p : processes()) {
            if (p.spec() != ServiceSpec.GATEWAY) {
                row(out, p.spec().module(), "http://localhost:" + p.port() + "  (pid " + p.pid() + ", log "
                        + p.logFile() + ")");
            }
        }
        if (!processes().isEmpty()) {
            row(out, "Metrics, health details", String.join(", ", processes().stream()
                    .map(p -> p.spec().module() + " :" + managementPort(p.spec())).toList())
                    + "  (http://127.0.0.1:<port>/actuator/prometheus)");
        }
        KeycloakServer kc = keycloak;
        if (kc != null) {
            row(out, "Sign-in (Keycloak)", kc.issuer() + "  (pid " + kc.pid() + ", log " + kc.logFile() + ")");
            row(out, "Account console", kc.accountConsoleUrl());
            row(out, "Keycloak admin console", kc.adminConsoleUrl() + "  (user " + kc.adminUser() + ", password "
                    + kc.adminPassword() + ")");
        }
        row(out, "Stack HTTP (IdP, captures)", stackUrl + "  (JWKS " + stackUrl + "/.well-known/jwks.json)");
        if (options.stackKafka()) {
            row(out, "Kafka", stack.kafkaBootstrapServers());
        }
        if (options.stackMongo()) {
            row(out, "MongoDB", "mongodb://127.0.0.1:" + stackPorts.mongo() + "/eduweek-<service>");
        }
        row(out, "SMTP (captured)", "127.0.0.1:" + stackPorts.smtp());
        row(out, "Logs", dataDir.resolve("logs").toString());
        out.println();
        out.println("  Press Ctrl-C to stop everything.");
        out.println();
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf("  %-28s %s%n", name, value);
    }

    static String millis(Duration d) {
        return d == null ? "?" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private void stop(ServiceProcess process) {
        if (process.isAlive()) {
            console.accept("Stopping " + process.spec() + " (pid " + process.pid() + ")");
        }
        process.stop(Duration.ofSeconds(20));
    }

    /** Stops the gateway, then the services (SIGTERM, wait, then kill), then the stack. Safe to call twice. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        Instant begin = Instant.now();
        List<ServiceProcess> running = new ArrayList<>(processes());
        Collections.reverse(running);
        // The gateway first, so no new traffic comes in; then the services, which do not call each other, all at
        // once (each one's graceful stop takes a few seconds: one after the other would add up).
        running.stream().filter(p -> p.spec() == ServiceSpec.GATEWAY).forEach(this::stop);
        List<CompletableFuture<Void>> stops = new ArrayList<>(running.stream()
                .filter(p -> p.spec() != ServiceSpec.GATEWAY)
                .map(p -> CompletableFuture.runAsync(() -> stop(p), WAITERS)).toList());
        KeycloakServer kc = keycloak;
        if (kc != null) {
            stops.add(CompletableFuture.runAsync(() -> {
                if (kc.isAlive()) {
                    console.accept("Stopping Keycloak (pid " + kc.pid() + ")");
                }
                kc.close();
            }, WAITERS));
        }
        stops.forEach(CompletableFuture::join);
        if (stack != null) {
            console.accept("Stopping the embedded stack");
            stack.close();
        }
        console.accept("Stopped in " + millis(Duration.between(begin, Instant.now())));
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // The JVM is already shutting down; the hook is running or done.
            }
        }
    }

    /**
     * Lean defaults, then the service's own heap and compiler, then the user's EDUWEEK_JAVA_OPTS (last one wins). On
     * JDK 22+ the JVM also hands freed native memory (compiler arenas, the network stack's buffers) back to the
     * system every few seconds instead of keeping it resident.
     */
    private List<String> jvmOptionsFor(ServiceSpec spec) {
        List<String> all = new java.util.ArrayList<>(options.jvmOptions());
        int afterDefaults = Math.min(all.size(), PlatformOptions.LEAN_JVM.size());
        List<String> own = new ArrayList<>(spec.jvmOptions());
        if (java.feature() >= 22) {
            own.add(PlatformOptions.TRIM_NATIVE_HEAP);
        }
        all.addAll(afterDefaults, own);
        return all;
    }
}
