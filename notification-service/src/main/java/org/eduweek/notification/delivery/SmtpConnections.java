package org.eduweek.notification.delivery;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Kept-open SMTP connections, one per sending thread at a time. {@code JavaMailSender.send} connects, greets and
 * quits for every message (several round trips and, with TLS, a handshake); reusing a connection leaves only
 * MAIL/RCPT/DATA. A connection idle for {@link #MAX_IDLE_NANOS} or used for {@link #MAX_MESSAGES} messages is closed
 * rather than reused, so servers' idle timeouts and per-connection limits are rarely met; any failure closes it.
 */
final class SmtpConnections {

    static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);
    static final int MAX_MESSAGES = 100;

    private final JavaMailSenderImpl config;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    SmtpConnections(JavaMailSenderImpl config) {
        this.config = config;
    }

    private static final class Connection {
        final Transport transport;
        long lastUsed = System.nanoTime();
        int sent;

        Connection(Transport transport) {
            this.transport = transport;
        }
    }

    /** Sends a message whose headers are saved ({@code saveChanges()} done). */
    void send(MimeMessage message) throws MessagingException {
        Connection c = borrow();
        if (c == null) {
            c = open();
            sendOn(c, message);
        } else {
            try {
                sendOn(c, message);
            } catch (SendFailedException e) {
                // the server answered (a refused recipient, say): nothing to do with the connection being stale
                throw e;
            } catch (MessagingException e) {
                // a kept-open connection the server dropped meanwhile: send on a fresh one now, which is what the
                // back-off retry would do later (the fixed Message-ID covers the rare case the first one got through)
                c = open();
                sendOn(c, message);
            }
        }
        c.sent++;
        c.lastUsed = System.nanoTime();
        giveBack(c);
    }

    /** One send; a connection that failed in any way is closed, never given back. */
    private void sendOn(Connection c, MimeMessage message) throws MessagingException {
        try {
            c.transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            close(c);
            throw e;
        }
    }

    private Connection borrow() {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            if (System.nanoTime() - c.lastUsed < MAX_IDLE_NANOS && c.sent < MAX_MESSAGES) {
                return c;
            }
            close(c);
        }
        return null;
    }

    private void giveBack(Connection c) {
        if (closed || c.sent >= MAX_MESSAGES) {
            close(c);
            return;
        }
        // most recently used first: connections beyond what the senders need age out and get closed
        idle.offerFirst(c);
    }

    private Connection open() throws MessagingException {
        String protocol = config.getProtocol();
        if (protocol == null) {
            protocol = config.getSession().getProperty("mail.transport.protocol");
        }
        Transport t = config.getSession().getTransport(protocol == null ? "smtp" : protocol);
        String user = config.getUsername();
        String password = config.getPassword();
        if ("".equals(user)) {
            user = null;
            password = "".equals(password) ? null : password;
        }
        t.connect(config.getHost(), config.getPort(), user, password);
        return new Connection(t);
    }

    private static void close(Connection c) {
        try {
            c.transport.close();
        } catch (MessagingException | RuntimeException e) {
            // closing a broken connection may fail as well; it is gone either way
        }
    }

    void closeAll() {
        closed = true;
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            close(c);
        }
    }
}
