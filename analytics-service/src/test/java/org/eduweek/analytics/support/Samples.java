package org.eduweek.analytics.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The producers' golden event samples, read by their path in the repository (no shared jar). */
public final class Samples {

    private Samples() {
    }

    public static String registration(String type) {
        return read("../registration-service/src/test/resources/events/" + type + ".v1.json");
    }

    public static String schedule(String type) {
        return read("../schedule-service/src/test/resources/events/" + type + ".v1.json");
    }

    public static String notification(String type) {
        return read("../notification-service/src/test/resources/events/" + type + ".v1.json");
    }

    public static String own(String type) {
        return read("src/test/resources/events/" + type + ".v1.json");
    }

    public static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
