package org.eduweek.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The captured SMS provider: every accepted message is appended to a JSON-lines file, so it survives restarts. */
public final class SmsCapture {

    public record Sms(String id, String to, String from, String body, String receivedAt) {
    }

    private final ObjectMapper json;
    private final Path file;
    private final List<Sms> messages = new ArrayList<>();

    public SmsCapture(Path dir, ObjectMapper json) throws IOException {
        this.json = json;
        Files.createDirectories(dir);
        this.file = dir.resolve("messages.jsonl");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    messages.add(json.readValue(line, Sms.class));
                }
            }
        }
    }

    public synchronized Sms accept(String to, String from, String body) {
        if (to == null || !to.trim().matches("\\+?[0-9 ()-]{5,20}")) {
            throw BadRequest.field("to", "must be a phone number, e.g. +8613800138000");
        }
        if (body == null || body.isBlank()) {
            throw BadRequest.field("body", "must not be blank");
        }
        Sms sms = new Sms(UUID.randomUUID().toString(), to.trim(), from == null || from.isBlank() ? "EDUWEEK" : from,
                body, Instant.now().toString());
        try {
            Files.writeString(file, json.writeValueAsString(sms) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        messages.add(sms);
        return sms;
    }

    public synchronized List<Sms> list(String to) {
        if (to == null || to.isBlank()) {
            return List.copyOf(messages);
        }
        String wanted = normalize(to);
        return messages.stream().filter(m -> normalize(m.to()).equals(wanted)).toList();
    }

    public synchronized void clear() throws IOException {
        messages.clear();
        Files.deleteIfExists(file);
    }

    private static String normalize(String phone) {
        return phone.replaceAll("[^0-9]", "").toLowerCase(Locale.ROOT);
    }
}
