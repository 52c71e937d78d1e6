package org.eduweek.local.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the {@code java} for the child JVMs: the newest JDK 21+ found (virtual threads take effect there), looking at
 * {@code EDUWEEK_JAVA_HOME}, {@code JAVA_HOME}, then {@code /usr/lib/jvm/*}; else the JVM running the launcher.
 */
public record JavaRuntime(Path executable, int feature) {

    private static final Pattern RELEASE = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    public static JavaRuntime pick(String explicitHome) {
        return pick(explicitHome, "EDUWEEK_JAVA_HOME");
    }

    /** As {@link #pick(String)}, naming {@code envVar} (where {@code explicitHome} came from) in the error. */
    public static JavaRuntime pick(String explicitHome, String envVar) {
        List<JavaRuntime> candidates = new ArrayList<>();
        if (explicitHome != null && !explicitHome.isBlank()) {
            JavaRuntime chosen = of(Path.of(explicitHome));
            if (chosen == null) {
                throw new IllegalArgumentException(envVar + "=" + explicitHome + " has no bin/java");
            }
            return chosen;
        }
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            add(candidates, of(Path.of(javaHome)));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(jvms)) {
                for (Path dir : dirs) {
                    add(candidates, of(dir));
                }
            } catch (IOException ignored) {
                // Unreadable: fall back to the current JVM.
            }
        }
        JavaRuntime current = new JavaRuntime(Path.of(System.getProperty("java.home"), "bin", "java"),
                Runtime.version().feature());
        return candidates.stream().filter(c -> c.feature() >= 21).max(Comparator.comparingInt(JavaRuntime::feature))
                .orElse(current);
    }

    /** The JDK's home folder (what {@code JAVA_HOME} would be). */
    public Path home() {
        return executable.getParent().getParent();
    }

    private static void add(List<JavaRuntime> candidates, JavaRuntime runtime) {
        if (runtime != null) {
            candidates.add(runtime);
        }
    }

    static JavaRuntime of(Path home) {
        Path java = home.resolve("bin").resolve("java");
        Path release = home.resolve("release");
        if (!Files.isExecutable(java) || !Files.isReadable(release)) {
            return null;
        }
        try {
            Matcher m = RELEASE.matcher(Files.readString(release));
            if (!m.find()) {
                return null;
            }
            int feature = Integer.parseInt(m.group(1).equals("1") ? "8" : m.group(1));
            return new JavaRuntime(java.toRealPath(), feature);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
