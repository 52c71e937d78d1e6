package org.eduweek.platform.contracts;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's top directory: tests run with their module as working directory, the contracts live above it. */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/asyncapi.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/asyncapi.yaml above " + Path.of("").toAbsolutePath());
    }
}
