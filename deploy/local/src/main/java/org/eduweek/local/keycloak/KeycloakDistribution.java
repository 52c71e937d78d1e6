package org.eduweek.local.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.eduweek.local.DataFolder;
import org.eduweek.local.launcher.JavaRuntime;

/**
 * Keycloak's server distribution, unpacked and built once per user and version into a cache folder, so that every
 * data folder (the local run's, each test's) starts it in seconds. The zip comes from Maven Central through the build
 * ({@code deploy/local/target/keycloak/}, or the local Maven repository). {@code kc.sh build} fixes the build-time
 * options ({@link #BUILD_OPTIONS}); every instance then runs {@code start --optimized} from it, read-only, with its
 * own home folder ({@link KeycloakHome}).
 */
public final class KeycloakDistribution {

    /**
     * Build-time options: an H2 file per instance (in its data folder), no management port (readiness is the realm's
     * discovery document).
     */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=false",
            "--metrics-enabled=false");
    private static final String MARKER = ".eduweek-built";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    private final String version;
    private final Path home;

    KeycloakDistribution(String version, Path home) {
        this.version = version;
        this.home = home;
    }

    /** The version the launcher was built with ({@code keycloak.version} in deploy/local/pom.xml). */
    public static String builtVersion() {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("/keycloak/keycloak.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("The launcher was built without keycloak/keycloak.properties", e);
        }
    }

    /**
     * Where the zip is: beside the launcher jar ({@code target/keycloak/}), in the checkout's
     * {@code deploy/local/target/keycloak/}, or in the local Maven repository.
     */
    static Path locateZip(String version, Path repoRoot, Map<String, String> env) {
        String name = "keycloak-quarkus-dist-" + version + ".zip";
        List<Path> candidates = new ArrayList<>();
        // java -jar: the class path is the launcher jar; tests: target/classes. Either way its folder is target/.
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.isBlank()) {
            Path first = Path.of(classPath.split(java.io.File.pathSeparator)[0]).toAbsolutePath();
            if (first.getParent() != null) {
                candidates.add(first.getParent().resolve("keycloak").resolve(name));
            }
        }
        if (repoRoot != null) {
            candidates.add(repoRoot.resolve("deploy/local/target/keycloak").resolve(name));
        }
        String m2 = env.getOrDefault("MAVEN_REPOSITORY", Path.of(System.getProperty("user.home"), ".m2", "repository")
                .toString());
        candidates.add(Path.of(m2, "org", "keycloak", "keycloak-quarkus-dist", version, name));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                new IllegalStateException("Keycloak " + version + " is not here (looked for " + candidates
                        + "). Build the launcher with Maven (./mvnw -q -DskipTests install) to fetch it, or start with"
                        + " --no-keycloak."));
    }

    /** The default cache: {@code $XDG_CACHE_HOME/eduweek}, else {@code ~/.cache/eduweek}. */
    public static Path defaultCacheRoot(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("eduweek");
    }

    /**
     * The unpacked and built distribution under {@code cacheRoot}, made on first use (about half a minute: unzip,
     * then {@code kc.sh build}). Several launchers at once wait for each other on a lock file; a folder left half
     * made by a killed launcher is made again.
     */
    public static KeycloakDistribution prepare(Path cacheRoot, Path zip, String version, JavaRuntime java,
            Consumer<String> console) throws IOException, InterruptedException {
        Files.createDirectories(cacheRoot);
        Path home = cacheRoot.resolve("keycloak-" + version);
        String wanted = String.join(" ", BUILD_OPTIONS);
        synchronized (KeycloakDistribution.class) {
            try (FileChannel channel = FileChannel.open(cacheRoot.resolve("keycloak-" + version + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                Path marker = home.resolve(MARKER);
                if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(wanted)) {
                    return new KeycloakDistribution(version, home);
                }
                Instant begin = Instant.now();
                console.accept("Preparing Keycloak " + version + " in " + home + " (once: unzip and build, about"
                        + " half a minute)");
                if (!Files.isDirectory(home.resolve("lib"))) {
                    unzip(zip, home);
                }
                build(home, java, cacheRoot.resolve("keycloak-" + version + "-build.log"));
                Files.writeString(marker, wanted + "\n");
                console.accept("Keycloak " + version + " prepared in " + seconds(Duration.between(begin, Instant.now())));
                return new KeycloakDistribution(version, home);
            }
        }
    }

    /** Unzips into a fresh folder beside {@code home}, dropping the zip's top folder, then moves it into place. */
    static void unzip(Path zip, Path home) throws IOException {
        Path partial = home.resolveSibling(home.getFileName() + ".partial");
        if (Files.exists(partial)) {
            DataFolder.deleteRecursively(partial);
        }
        if (Files.exists(home)) {
            DataFolder.deleteRecursively(home);
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = partial.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(partial)) {
                    throw new IOException("Unexpected entry " + name + " in " + zip);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (name.endsWith(".sh")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void build(Path home, JavaRuntime java, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        Files.writeString(log, "==== " + Instant.now() + " " + String.join(" ", command) + " (Java " + java.feature()
                + ")\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("JAVA_HOME", java.home().toString());
        builder.environment().remove("JAVA_OPTS");
        Process process = builder.start();
        try {
            if (!process.waitFor(BUILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("kc.sh build did not finish within " + BUILD_TIMEOUT.toMinutes()
                        + " minutes; see " + log);
            }
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("kc.sh build failed with code " + process.exitValue() + "; see " + log);
        }
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    public String version() {
        return version;
    }

    public Path home() {
        return home;
    }
}
