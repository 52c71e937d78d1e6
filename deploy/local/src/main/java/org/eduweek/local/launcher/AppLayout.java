package org.eduweek.local.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How a service jar is run. Never straight from {@code target/} (a rebuild while the platform runs would pull the jar
 * from under a live JVM): on a JDK 19+ the jar is extracted once per build ({@code -Djarmode=tools extract}) and run
 * with a dynamic CDS archive that the JVM writes on its first clean exit, so later starts skip most class loading and
 * verification; otherwise it runs from a plain copy.
 */
public final class AppLayout {

    private AppLayout() {
    }

    /** The arguments after the JVM flags: e.g. {@code -XX:SharedArchiveFile=… -jar <apps>/<module>/<module>.jar}. */
    public static List<String> prepare(ServiceSpec spec, Path jar, Path appsDir, JavaRuntime java, boolean cds)
            throws IOException, InterruptedException {
        Files.createDirectories(appsDir);
        String stamp = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        if (cds && java.feature() >= 19) {
            Path dir = appsDir.resolve(spec.module());
            Path stampFile = appsDir.resolve(spec.module() + ".stamp");
            Path archive = appsDir.resolve(spec.module() + ".jsa");
            boolean current = Files.isRegularFile(dir.resolve(spec.module() + ".jar")) && Files.isRegularFile(stampFile)
                    && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp);
            if (!current && !extract(java, jar, dir, archive, stampFile, stamp)) {
                return copy(spec, jar, appsDir, stamp);
            }
            return List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off", "-jar", dir.resolve(spec.module() + ".jar").toString());
        }
        return copy(spec, jar, appsDir, stamp);
    }

    private static boolean extract(JavaRuntime java, Path jar, Path dir, Path archive, Path stampFile, String stamp)
            throws IOException, InterruptedException {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".extracting");
        deleteTree(tmp);
        Process process = new ProcessBuilder(java.executable().toString(), "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--destination", tmp.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            deleteTree(tmp);
            return false;
        }
        Files.deleteIfExists(archive); // it describes the previous build's classes
        deleteTree(dir);
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
        return true;
    }

    private static List<String> copy(ServiceSpec spec, Path jar, Path appsDir, String stamp) throws IOException {
        Path copy = appsDir.resolve(spec.module() + ".jar");
        Path stampFile = appsDir.resolve(spec.module() + ".jar.stamp");
        boolean current = Files.isRegularFile(copy) && Files.isRegularFile(stampFile)
                && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp);
        if (!current) {
            Path tmp = appsDir.resolve(spec.module() + ".jar.tmp");
            Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
        }
        return List.of("-jar", copy.toString());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
