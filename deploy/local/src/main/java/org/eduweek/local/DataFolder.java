package org.eduweek.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The one folder that holds every piece of local state. {@code --reset} wipes it, but only when it carries our marker
 * file (or is empty), so a mistyped {@code --data /home/me} cannot delete someone's files.
 */
public final class DataFolder {

    static final String MARKER = ".eduweek-data";

    private DataFolder() {
    }

    static Path prepare(Path dir, boolean reset) throws IOException {
        Path data = dir.toAbsolutePath().normalize();
        if (reset && Files.exists(data)) {
            if (!Files.exists(data.resolve(MARKER)) && !isEmpty(data)) {
                throw new IllegalArgumentException("Refusing to reset " + data + ": it is not an eduweek data folder (no "
                        + MARKER + " file in it)");
            }
            deleteRecursively(data);
        }
        Files.createDirectories(data);
        Path marker = data.resolve(MARKER);
        if (!Files.exists(marker)) {
            Files.writeString(marker, "eduweek local data: kafka/ mongo/ mail/ sms/ idp/ keycloak/ logs/ apps/. Safe to delete when "
                    + "eduweek is stopped (or start with --reset).\n");
        }
        return data;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    public static void deleteRecursively(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
