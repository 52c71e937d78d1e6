package org.eduweek.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

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
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Multipart email (plain text + HTML, optional {@code .ics}). The Message-ID is derived from the dedupe key, so the
 * rare resend after a crash between "SMTP accepted" and "recorded as sent" carries the same Message-ID and mail
 * clients and archives that dedupe by it show one message.
 */
@Component
public class EmailSender {

    private final JavaMailSender mail;
    private final String from;

    public EmailSender(JavaMailSender mail, @Value("${eduweek.notification.mail-from:eduweek@localhost}") String from) {
        this.mail = mail;
        this.from = from;
    }

    public String send(String to, MessageRenderer.Email content, String ics, boolean cancel, String dedupeKey)
            throws DeliveryException {
        String messageId = messageId(dedupeKey);
        try {
            MimeMessage message = mail instanceof JavaMailSenderImpl impl
                    ? new FixedIdMessage(impl.getSession(), messageId) : mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(content.subject());
            helper.setText(content.text(), content.html());
            if (ics != null) {
                String method = cancel ? "CANCEL" : "PUBLISH";
                helper.addAttachment("session.ics", new ByteArrayResource(ics.getBytes(StandardCharsets.UTF_8)),
                        "text/calendar; charset=UTF-8; method=" + method);
            }
            mail.send(message);
            return messageId;
        } catch (AddressException | MailParseException e) {
            throw new DeliveryException("invalid email address: " + to, true, e);
        } catch (MailPreparationException | MessagingException e) {
            throw new DeliveryException("could not build the message: " + e.getMessage(), true, e);
        } catch (MailException e) {
            throw new DeliveryException("SMTP: " + e.getMessage(), rejectedRecipient(e), e);
        }
    }

    /** A recipient the server refuses (5xx on RCPT) will not become acceptable by retrying. */
    private static boolean rejectedRecipient(Throwable e) {
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
