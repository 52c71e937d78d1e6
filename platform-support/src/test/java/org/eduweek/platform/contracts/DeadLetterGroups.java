package org.eduweek.platform.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The consumer groups that park poison messages in {@code <group>.dlq}, read from the {@code dlq-name} settings of
 * every module's Spring configuration ({@code <module>/src/main/resources/application*}).
 */
final class DeadLetterGroups {

    private static final Pattern DLQ_NAME = Pattern.compile("dlq-name:\\s*([\\w.-]+)\\.dlq\\b");
    private static final Path RESOURCES = Path.of("src", "main", "resources");

    private DeadLetterGroups() {
    }

    static Set<String> configured(Path root) {
        Set<String> groups = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root, 5)) {
            for (Path file : files.filter(DeadLetterGroups::isSpringConfiguration).toList()) {
                Matcher matcher = DLQ_NAME.matcher(Files.readString(file));
                while (matcher.find()) {
                    groups.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }

    private static boolean isSpringConfiguration(Path file) {
        String name = file.getFileName().toString();
        return file.getParent() != null && file.getParent().endsWith(RESOURCES) && name.startsWith("application")
                && (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".properties"));
    }
}
