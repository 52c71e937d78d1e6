package org.eduweek.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Multipart email (plain text + HTML, optional {@code .ics}). The Message-ID is derived from the dedupe key, so the
 * rare resend after a crash between "SMTP accepted" and "recorded as sent" carries the same Message-ID and mail
 * clients and archives that dedupe by it show one message. Messages go out over kept-open SMTP connections
 * ({@link SmtpConnections}) instead of one connection per message.
 */
@Component
public class EmailSender {

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up through ServiceLoader (scanning every jar) for each multipart
        // and body part it creates: a third of the CPU of sending an email. Naming the implementation makes it a
        // plain class lookup. Set only when nobody chose one and Angus (the implementation we ship) is present.
        String key = "jakarta.mail.util.StreamProvider";
        String angus = "org.eclipse.angus.mail.util.MailStreamProvider";
        if (System.getProperty(key) == null && present(angus)) {
            System.setProperty(key, angus);
        }
    }

    private final JavaMailSender mail;
    private final SmtpConnections connections;
    private final String from;

    public EmailSender(JavaMailSender mail, @Value("${eduweek.notification.mail-from:eduweek@localhost}") String from) {
        this.mail = mail;
        this.connections = mail instanceof JavaMailSenderImpl impl ? new SmtpConnections(impl) : null;
        this.from = from;
    }

    public String send(String to, MessageRenderer.Email content, String ics, boolean cancel, String dedupeKey)
            throws DeliveryException {
        String messageId = messageId(dedupeKey);
        MimeMessage message;
        try {
            message = mail instanceof JavaMailSenderImpl impl
                    ? new FixedIdMessage(impl.getSession(), messageId) : mail.createMimeMessage();
            MimeMessageHelper helper = new SharedTypesHelper(message);
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(content.subject());
            helper.setText(content.text(), content.html());
            if (ics != null) {
                String method = cancel ? "CANCEL" : "PUBLISH";
                helper.addAttachment("session.ics", new ByteArrayResource(ics.getBytes(StandardCharsets.UTF_8)),
                        "text/calendar; charset=UTF-8; method=" + method);
            }
            if (connections != null) {
                message.setSentDate(new java.util.Date());
                message.saveChanges();
            }
        } catch (AddressException | MailParseException e) {
            throw new DeliveryException("invalid email address: " + to, true, e);
        } catch (MailPreparationException | MessagingException e) {
            throw new DeliveryException("could not build the message: " + e.getMessage(), true, e);
        }
        try {
            if (connections != null) {
                connections.send(message);
            } else {
                mail.send(message);
            }
            return messageId;
        } catch (MessagingException e) {
            throw new DeliveryException("SMTP: " + e.getMessage(), rejectedRecipient(e), e);
        } catch (MailException e) {
            throw new DeliveryException("SMTP: " + e.getMessage(), rejectedRecipient(e), e);
        }
    }

    /** Closes the kept-open connections (shutdown). */
    @jakarta.annotation.PreDestroy
    public void close() {
        if (connections != null) {
            connections.closeAll();
        }
    }

    /** A recipient the server refuses (5xx on RCPT) will not become acceptable by retrying. */
    static boolean rejectedRecipient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
                    && sfe.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    static String messageId(String dedupeKey) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(dedupeKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@eduweek>";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, EmailSender.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Spring's helper builds a new MIME type map (reading {@code mime.types} from the classpath) for every message
     * that was not created by {@code JavaMailSenderImpl}, ours included: two thirds of the CPU of building an
     * email. One shared map does the same job; the attachment's content type is given explicitly anyway.
     */
    private static final class SharedTypesHelper extends MimeMessageHelper {
        private static final FileTypeMap FILE_TYPES = fileTypes();

        SharedTypesHelper(MimeMessage message) throws MessagingException {
            super(message, true, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
            return FILE_TYPES;
        }

        private static FileTypeMap fileTypes() {
            ConfigurableMimeFileTypeMap map = new ConfigurableMimeFileTypeMap();
            map.afterPropertiesSet();
            return map;
        }
    }

    /** Keeps our Message-ID: JavaMail would otherwise generate a random one on save. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
