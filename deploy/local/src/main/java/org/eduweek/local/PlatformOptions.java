package org.eduweek.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eduweek.local.launcher.ServiceSpec;

/**
 * What to start and where. {@link #fromEnvironment} reads the env vars of docs/CONTRACTS.md; a port of 0 means "pick a
 * free one" (tests).
 */
public final class PlatformOptions {

    /** Lean child JVMs: small heap, one GC thread, C1 only (fast start, fine for a laptop run). */
    public static final List<String> LEAN_JVM = List.of("-Xmx192m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=192m",
            "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    /** JDK 22+: freed native memory goes back to the system every 5 s (the launcher adds it for such a JDK only). */
    public static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";

    /** {@code MALLOC_ARENA_MAX} in the environment of every child JVM and Keycloak. */
    public static final String MALLOC_ARENA_MAX = "2";

    /**
     * The niceness of the event-only consumers ({@link ServiceSpec#isBackgroundConsumer}): the lowest priority. They
     * still get every idle cycle; in a burst they fall behind and catch up from Kafka afterwards, so the request path
     * (gateway, registration-service, the stack) has the cores first when everything shares one machine. The cost is
     * delay, not loss: confirmations go out seconds after a burst instead of during it (docs/performance.md).
     */
    public static final int DEFAULT_BACKGROUND_NICE = 19;

    private Path repoRoot;
    private Path dataDir = Path.of(".eduweek", "data");
    private boolean reset;
    private boolean demo;
    private final Map<ServiceSpec, Integer> servicePorts = new EnumMap<>(ServiceSpec.class);
    private int stackPort = 8090;
    private int kafkaPort = 9092;
    private int kafkaControllerPort = 9093;
    private int mongoPort = 27017;
    private int smtpPort = 2525;
    private boolean keycloak = true;
    private int keycloakPort = 8180;
    private String keycloakJavaHome;
    private Path cacheDir;
    private Set<ServiceSpec> services = EnumSet.allOf(ServiceSpec.class);
    private String jwtIssuer;
    private String jwtAudience = "eduweek";
    private List<String> jvmOptions = new ArrayList<>(LEAN_JVM);
    private String javaHome;
    private Duration startTimeout = Duration.ofSeconds(300);
    private boolean gatewayLast;
    private boolean cds = true;
    private int backgroundNice = DEFAULT_BACKGROUND_NICE;
    private boolean stackKafka = true;
    private boolean stackMongo = true;
    private String bindAddress = "127.0.0.1";
    private final Map<String, String> extraEnv = new LinkedHashMap<>();
    private Consumer<String> console = line -> System.out.println("[eduweek] " + line);

    public PlatformOptions() {
        for (ServiceSpec spec : ServiceSpec.values()) {
            servicePorts.put(spec, spec.defaultPort());
        }
    }

    /** Every port picked free at start, data in the given folder: for tests. */
    public static PlatformOptions onFreePorts(Path dataDir) {
        PlatformOptions options = new PlatformOptions().dataDir(dataDir);
        options.servicePorts.replaceAll((spec, port) -> 0);
        options.stackPort = 0;
        options.kafkaPort = 0;
        options.kafkaControllerPort = 0;
        options.mongoPort = 0;
        options.smtpPort = 0;
        options.keycloakPort = 0;
        return options;
    }

    /** Defaults of docs/CONTRACTS.md, overridden by the env vars. */
    public static PlatformOptions fromEnvironment(Map<String, String> env) {
        PlatformOptions o = new PlatformOptions();
        for (ServiceSpec spec : ServiceSpec.values()) {
            o.servicePorts.put(spec, port(env, spec.portEnv(), spec.defaultPort()));
        }
        o.stackPort = port(env, "EDUWEEK_STACK_PORT", o.stackPort);
        o.kafkaPort = port(env, "EDUWEEK_KAFKA_PORT", o.kafkaPort);
        o.kafkaControllerPort = port(env, "EDUWEEK_KAFKA_CONTROLLER_PORT", o.kafkaControllerPort);
        o.mongoPort = port(env, "EDUWEEK_MONGO_PORT", o.mongoPort);
        o.smtpPort = port(env, "EDUWEEK_SMTP_PORT", o.smtpPort);
        o.keycloakPort = port(env, "EDUWEEK_KEYCLOAK_PORT", o.keycloakPort);
        if (has(env, "EDUWEEK_KEYCLOAK")) {
            o.keycloak = !"false".equalsIgnoreCase(env.get("EDUWEEK_KEYCLOAK").trim());
        }
        if (has(env, "KEYCLOAK_JAVA_HOME")) {
            o.keycloakJavaHome = env.get("KEYCLOAK_JAVA_HOME");
        }
        o.cacheDir = has(env, "EDUWEEK_CACHE_DIR") ? Path.of(env.get("EDUWEEK_CACHE_DIR"))
                : org.eduweek.local.keycloak.KeycloakDistribution.defaultCacheRoot(env);
        if (has(env, "EDUWEEK_DATA_DIR")) {
            o.dataDir = Path.of(env.get("EDUWEEK_DATA_DIR"));
        }
        if (has(env, "EDUWEEK_HOME")) {
            o.repoRoot = Path.of(env.get("EDUWEEK_HOME"));
        }
        if (has(env, "EDUWEEK_SERVICES")) {
            o.services(parseServices(env.get("EDUWEEK_SERVICES")));
        }
        if (has(env, "JWT_ISSUER")) {
            o.jwtIssuer = env.get("JWT_ISSUER");
        }
        if (has(env, "JWT_AUDIENCE")) {
            o.jwtAudience = env.get("JWT_AUDIENCE");
        }
        if (has(env, "EDUWEEK_JAVA_OPTS")) {
            o.jvmOptions.addAll(List.of(env.get("EDUWEEK_JAVA_OPTS").trim().split("\\s+")));
        }
        if (has(env, "EDUWEEK_JAVA_HOME")) {
            o.javaHome = env.get("EDUWEEK_JAVA_HOME");
        }
        if (has(env, "EDUWEEK_CDS")) {
            o.cds = !"false".equalsIgnoreCase(env.get("EDUWEEK_CDS").trim());
        }
        if (has(env, "EDUWEEK_BACKGROUND_NICE")) {
            o.backgroundNice = niceness(env.get("EDUWEEK_BACKGROUND_NICE"));
        }
        if (has(env, "EDUWEEK_BIND_ADDRESS")) {
            o.bindAddress = env.get("EDUWEEK_BIND_ADDRESS").trim();
        }
        if (has(env, "EDUWEEK_START_TIMEOUT")) {
            o.startTimeout = Duration.ofSeconds(Long.parseLong(env.get("EDUWEEK_START_TIMEOUT").trim()));
        }
        return o;
    }

    public static Set<ServiceSpec> parseServices(String csv) {
        Set<ServiceSpec> set = EnumSet.noneOf(ServiceSpec.class);
        for (String name : csv.split(",")) {
            if (!name.isBlank()) {
                set.add(ServiceSpec.byModule(name.trim()));
            }
        }
        return set;
    }

    private static boolean has(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a port number (0-65535)");
        }
    }

    private static int niceness(String value) {
        try {
            int nice = Integer.parseInt(value.trim());
            if (nice >= 0 && nice <= 19) {
                return nice;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("EDUWEEK_BACKGROUND_NICE=" + value + " is not a niceness from 0 (off) to 19");
    }

    /** The checkout that holds {@code <module>/target/<module>.jar}: given, or found upwards from the working dir. */
    public Path resolveRepoRoot() {
        if (repoRoot != null) {
            return repoRoot.toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy").resolve("local")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        // Started from elsewhere: the launcher jar itself sits in <repo>/deploy/local/target/.
        try {
            // With java -jar the class path is exactly the launcher jar.
            Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0])
                    .toAbsolutePath();
            for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("deploy").resolve("local")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                    return dir;
                }
            }
        } catch (Exception ignored) {
            // No usable class path: fall through to the message.
        }
        throw new IllegalStateException("Cannot find the eduweek checkout above " + Path.of("").toAbsolutePath()
                + "; run from inside it or set EDUWEEK_HOME");
    }

    public PlatformOptions repoRoot(Path value) { repoRoot = value; return this; }
    public PlatformOptions dataDir(Path value) { dataDir = value; return this; }
    public PlatformOptions reset(boolean value) { reset = value; return this; }
    public PlatformOptions demo(boolean value) { demo = value; return this; }
    public PlatformOptions servicePort(ServiceSpec spec, int port) { servicePorts.put(spec, port); return this; }
    public PlatformOptions stackPort(int value) { stackPort = value; return this; }
    public PlatformOptions kafkaPort(int value) { kafkaPort = value; return this; }
    public PlatformOptions kafkaControllerPort(int value) { kafkaControllerPort = value; return this; }
    public PlatformOptions mongoPort(int value) { mongoPort = value; return this; }
    public PlatformOptions smtpPort(int value) { smtpPort = value; return this; }
    public PlatformOptions keycloak(boolean value) { keycloak = value; return this; }
    public PlatformOptions keycloakPort(int value) { keycloakPort = value; return this; }
    public PlatformOptions keycloakJavaHome(String value) { keycloakJavaHome = value; return this; }
    public PlatformOptions cacheDir(Path value) { cacheDir = value; return this; }
    public PlatformOptions services(Set<ServiceSpec> value) {
        services = value.isEmpty() ? EnumSet.noneOf(ServiceSpec.class) : EnumSet.copyOf(value);
        return this;
    }
    public PlatformOptions jwtIssuer(String value) { jwtIssuer = value; return this; }
    public PlatformOptions jvmOptions(List<String> value) { jvmOptions = new ArrayList<>(value); return this; }
    public PlatformOptions javaHome(String value) { javaHome = value; return this; }
    public PlatformOptions startTimeout(Duration value) { startTimeout = value; return this; }
    public PlatformOptions gatewayLast(boolean value) { gatewayLast = value; return this; }
    public PlatformOptions cds(boolean value) { cds = value; return this; }
    public PlatformOptions bindAddress(String value) { bindAddress = value; return this; }
    public PlatformOptions backgroundNice(int value) { backgroundNice = value; return this; }
    public PlatformOptions stackKafka(boolean value) { stackKafka = value; return this; }
    public PlatformOptions stackMongo(boolean value) { stackMongo = value; return this; }
    public PlatformOptions env(String name, String value) { extraEnv.put(name, value); return this; }
    public PlatformOptions console(Consumer<String> value) { console = value; return this; }

    /** Reuses the ports a previous run picked (a restart on the same data folder). */
    public PlatformOptions samePortsAs(Platform previous) {
        for (ServiceSpec spec : ServiceSpec.values()) {
            servicePorts.put(spec, previous.servicePort(spec));
        }
        stackPort = previous.stackPorts().http();
        kafkaPort = previous.stackPorts().kafka();
        kafkaControllerPort = previous.stackPorts().kafkaController();
        mongoPort = previous.stackPorts().mongo();
        smtpPort = previous.stackPorts().smtp();
        keycloakPort = previous.keycloakPort();
        return this;
    }

    public Path dataDir() { return dataDir; }
    public boolean reset() { return reset; }
    public boolean demo() { return demo; }
    public int servicePort(ServiceSpec spec) { return servicePorts.get(spec); }
    public int stackPort() { return stackPort; }
    public int kafkaPort() { return kafkaPort; }
    public int kafkaControllerPort() { return kafkaControllerPort; }
    public int mongoPort() { return mongoPort; }
    public int smtpPort() { return smtpPort; }
    public boolean keycloak() { return keycloak; }
    public int keycloakPort() { return keycloakPort; }
    public String keycloakJavaHome() { return keycloakJavaHome; }
    /** Shared between data folders: the unpacked, built Keycloak distribution ({@code EDUWEEK_CACHE_DIR}). */
    public Path cacheDir() {
        return cacheDir != null ? cacheDir
                : org.eduweek.local.keycloak.KeycloakDistribution.defaultCacheRoot(System.getenv());
    }
    public Set<ServiceSpec> services() { return EnumSet.copyOf(services); }
    public String jwtIssuer() { return jwtIssuer; }
    public String jwtAudience() { return jwtAudience; }
    public List<String> jvmOptions() { return List.copyOf(jvmOptions); }
    public String javaHome() { return javaHome; }
    public Duration startTimeout() { return startTimeout; }
    public boolean gatewayLast() { return gatewayLast; }
    public String bindAddress() { return bindAddress; }
    public boolean cds() { return cds; }
    public int backgroundNice() { return backgroundNice; }
    public boolean stackKafka() { return stackKafka; }
    public boolean stackMongo() { return stackMongo; }
    public Map<String, String> extraEnv() { return Map.copyOf(extraEnv); }
    public Consumer<String> console() { return console; }
}
