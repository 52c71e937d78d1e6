package org.eduweek.platform.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A golden payload sample, {@code <module>/src/test/resources/events/<EventType>.v1.json}: the module is the
 * producer, the file name the {@code eventType} header.
 */
record GoldenSample(String module, String eventType, Path file, JsonNode payload) {

    private static final String SUFFIX = ".v1.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<GoldenSample> findAll(Path root) {
        List<GoldenSample> samples = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                Path events = module.resolve("src/test/resources/events");
                if (Files.isDirectory(events)) {
                    samples.addAll(read(module.getFileName().toString(), events));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return samples;
    }

    private static List<GoldenSample> read(String module, Path events) throws IOException {
        try (Stream<Path> files = Files.list(events)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted()
                    .map(f -> new GoldenSample(module, eventType(f), f, JSON.readTree(f.toFile())))
                    .toList();
        }
    }

    private static String eventType(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }

    @Override
    public String toString() {
        return module + "/" + eventType + SUFFIX;
    }
}
