package org.eduweek.local.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server (GreenMail) that accepts every message and keeps it as an .eml file under the data folder, written
 * before the SMTP "250 OK", so a captured mail survives restarts. {@code GET /api/dev/emails} reads from here.
 * Accepting a message only writes the file: it is parsed the first time someone reads it (a registration burst sends
 * hundreds of confirmations a second, and parsing each one on arrival would cost a large share of the stack's CPU), and
 * GreenMail's own mailbox is skipped, so memory does not grow with every mail of a long run.
 */
public final class MailCapture implements AutoCloseable {

    static final String ENVELOPE_HEADER = "X-Eduweek-Envelope-To";

    private final GreenMail greenMail;
    private final Path dir;
    private final Session session = Session.getInstance(new Properties());
    private final List<Captured> emails = new ArrayList<>();
    private final Set<MovingMessage> seen = Collections.newSetFromMap(new WeakHashMap<>());
    private final AtomicInteger sequence = new AtomicInteger();

    private MailCapture(GreenMail greenMail, Path dir) {
        this.greenMail = greenMail;
        this.dir = dir;
    }

    public static MailCapture start(Path dir, String bindAddress, int port) throws IOException {
        Files.createDirectories(dir);
        ServerSetup setup = new ServerSetup(port, bindAddress, ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(10_000);
        GreenMail greenMail = new GreenMail(setup);
        MailCapture capture = new MailCapture(greenMail, dir);
        capture.load();
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new IllegalStateException("SMTP (GreenMail) could not bind " + bindAddress + ":" + port, e);
        }
        // One message reaches the handler once per recipient; we store it once, as a file, and hand GreenMail a
        // recipient that keeps nothing.
        GreenMailUser sink = new FileOnlyRecipient();
        greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> {
            capture.store(message);
            return sink;
        });
        return capture;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    private void store(MovingMessage message) throws MessagingException {
        synchronized (seen) {
            if (!seen.add(message)) {
                return;
            }
        }
        List<String> envelope = message.getToAddresses().stream().map(MailAddress::getEmail).toList();
        String id = String.format(Locale.ROOT, "%013d-%04d", System.currentTimeMillis(),
                sequence.incrementAndGet() % 10_000);
        Path file = dir.resolve(id + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((ENVELOPE_HEADER + ": " + String.join(", ", envelope) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            message.getMessage().writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("Could not store the captured mail in " + file, e);
        }
        synchronized (emails) {
            emails.add(new Captured(id, file, envelope));
        }
    }

    private void load() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.eml")) {
            stream.forEach(files::add);
        }
        Collections.sort(files);
        for (Path file : files) {
            String stem = file.getFileName().toString();
            String id = stem.substring(0, stem.length() - 4);
            emails.add(new Captured(id, file, envelopeOf(file)));
            sequence.set(Math.max(sequence.get(), Integer.parseInt(stem.substring(14, 18))));
        }
    }

    /** The envelope recipients from the file's first line (written by {@link #store}); null: read the headers. */
    private static List<String> envelopeOf(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String first = in.readLine();
            String prefix = ENVELOPE_HEADER + ":";
            if (first == null || !first.startsWith(prefix)) {
                return null;
            }
            return Arrays.stream(first.substring(prefix.length()).split(",")).map(String::trim)
                    .filter(a -> !a.isEmpty()).toList();
        }
    }

    private CapturedEmail parse(Captured c) {
        try (InputStream in = Files.newInputStream(c.file())) {
            MimeMessage mime = new MimeMessage(session, in);
            Instant receivedAt = Instant.ofEpochMilli(Long.parseLong(c.id().substring(0, 13)));
            return CapturedEmail.of(c.id(), mime, receivedAt);
        } catch (IOException | MessagingException | RuntimeException e) {
            // A half-written file from a crash is skipped, not fatal.
            System.err.println("[eduweek] skipping unreadable captured mail " + c.file() + ": " + e.getMessage());
            return null;
        }
    }

    public List<CapturedEmail> list(String to) {
        List<Captured> all;
        synchronized (emails) {
            all = List.copyOf(emails);
        }
        String wanted = to == null || to.isBlank() ? null : to.trim();
        // the envelope known at arrival spares parsing the others; a mail loaded without one is parsed to tell
        return all.stream().filter(c -> c.to() == null || addressedTo(c.to(), wanted)).map(Captured::email)
                .filter(Objects::nonNull).filter(e -> addressedTo(e.to(), wanted)).toList();
    }

    private static boolean addressedTo(List<String> recipients, String wanted) {
        return wanted == null || recipients.stream().anyMatch(wanted::equalsIgnoreCase);
    }

    public CapturedEmail find(String id) {
        Captured c;
        synchronized (emails) {
            c = emails.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
        }
        return c == null ? null : c.email();
    }

    public Path rawFile(String id) {
        return dir.resolve(id + ".eml");
    }

    public void clear() {
        synchronized (emails) {
            emails.clear();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.eml")) {
                for (Path file : stream) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /** A stored mail, parsed once on first read; {@code to} is null when only the headers can tell. */
    private final class Captured {

        private final String id;
        private final Path file;
        private final List<String> to;
        private CapturedEmail parsed;

        Captured(String id, Path file, List<String> to) {
            this.id = id;
            this.file = file;
            this.to = to;
        }

        String id() {
            return id;
        }

        Path file() {
            return file;
        }

        List<String> to() {
            return to;
        }

        synchronized CapturedEmail email() {
            if (parsed == null) {
                parsed = parse(this);
            }
            return parsed;
        }
    }

    /** GreenMail delivers every accepted message to a user; this one keeps nothing (the file is the copy). */
    private static final class FileOnlyRecipient implements GreenMailUser {

        @Override
        public String getEmail() {
            return "captured@localhost";
        }

        @Override
        public String getLogin() {
            return "captured";
        }

        @Override
        public void deliver(MovingMessage msg) {
        }

        @Override
        public void deliver(MimeMessage msg) {
        }

        @Override
        public void create() {
        }

        @Override
        public void delete() {
        }

        @Override
        public String getPassword() {
            return "captured";
        }

        @Override
        public void setPassword(String newPass) {
        }

        @Override
        public void authenticate(String password) {
        }

        @Override
        public String getQualifiedMailboxName() {
            return "captured";
        }
    }
}
