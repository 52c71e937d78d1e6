package org.eduweek.local.stack;

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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

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
 */
public final class MailCapture implements AutoCloseable {

    static final String ENVELOPE_HEADER = "X-Eduweek-Envelope-To";

    private final GreenMail greenMail;
    private final Path dir;
    private final Session session = Session.getInstance(new Properties());
    private final List<CapturedEmail> emails = new ArrayList<>();
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
        GreenMailUser sink;
        try {
            sink = greenMail.setUser("captured@localhost", "captured", "captured");
        } catch (RuntimeException e) {
            greenMail.stop();
            throw e;
        }
        // One message reaches the handler once per recipient; we store it once, and keep GreenMail's own mailbox to a
        // single sink user.
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
        String envelope = message.getToAddresses().stream().map(MailAddress::getEmail).collect(Collectors.joining(", "));
        String id = String.format(Locale.ROOT, "%013d-%04d", System.currentTimeMillis(),
                sequence.incrementAndGet() % 10_000);
        Path file = dir.resolve(id + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((ENVELOPE_HEADER + ": " + envelope + "\r\n").getBytes(StandardCharsets.US_ASCII));
            message.getMessage().writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("Could not store the captured mail in " + file, e);
        }
        CapturedEmail email = parse(file);
        synchronized (emails) {
            emails.add(email);
        }
    }

    private void load() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.eml")) {
            stream.forEach(files::add);
        }
        Collections.sort(files);
        for (Path file : files) {
            try {
                emails.add(parse(file));
            } catch (MessagingException e) {
                // A half-written file from a crash is skipped, not fatal.
                System.err.println("[eduweek] skipping unreadable captured mail " + file + ": " + e.getMessage());
            }
            String stem = file.getFileName().toString();
            sequence.set(Math.max(sequence.get(), Integer.parseInt(stem.substring(14, 18))));
        }
    }

    private CapturedEmail parse(Path file) throws MessagingException {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage mime = new MimeMessage(session, in);
            String name = file.getFileName().toString();
            String id = name.substring(0, name.length() - 4);
            Instant receivedAt = Instant.ofEpochMilli(Long.parseLong(id.substring(0, 13)));
            return CapturedEmail.of(id, mime, receivedAt);
        } catch (IOException e) {
            throw new MessagingException("unreadable " + file, e);
        }
    }

    public List<CapturedEmail> list(String to) {
        synchronized (emails) {
            if (to == null || to.isBlank()) {
                return List.copyOf(emails);
            }
            String wanted = to.trim().toLowerCase(Locale.ROOT);
            return emails.stream().filter(e -> e.to().stream().anyMatch(wanted::equalsIgnoreCase)).toList();
        }
    }

    public CapturedEmail find(String id) {
        synchronized (emails) {
            return emails.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
        }
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
                greenMail.purgeEmailFromAllMailboxes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
