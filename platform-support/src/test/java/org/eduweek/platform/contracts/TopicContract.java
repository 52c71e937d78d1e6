package org.eduweek.platform.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of the "Kafka topics" table in {@code docs/CONTRACTS.md}: the topic, the module that produces it and the
 * event types it carries. The table is the contract the AsyncAPI document has to agree with.
 */
record TopicContract(String topic, String producer, List<String> eventTypes) {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Z][A-Za-z]+");

    static List<TopicContract> read(Path contractsMd) {
        List<TopicContract> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : lines(contractsMd)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Kafka topics");
            } else if (inSection && line.startsWith("| `")) {
                row(line).ifPresent(rows::add);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("no event topics found under '## Kafka topics' in " + contractsMd);
        }
        return rows;
    }

    /** Rows without event type names (the dead-letter row) are not event topics. */
    private static Optional<TopicContract> row(String line) {
        String[] cells = line.split("\\|");
        Matcher topic = cells.length < 5 ? null : CODE.matcher(cells[1]);
        if (topic == null || !topic.find()) {
            return Optional.empty();
        }
        List<String> types = new ArrayList<>();
        Matcher code = CODE.matcher(cells[4]);
        while (code.find()) {
            if (EVENT_TYPE.matcher(code.group(1)).matches()) {
                types.add(code.group(1));
            }
        }
        return types.isEmpty() ? Optional.empty()
                : Optional.of(new TopicContract(topic.group(1), cells[3].trim(), List.copyOf(types)));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
