package org.eduweek.local.stack;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** A captured mail as {@code GET /api/dev/emails} shows it (docs/CONTRACTS.md). */
public record CapturedEmail(String id, List<String> to, String from, String subject, String text, String html,
        String receivedAt, List<Attachment> attachments) {

    public record Attachment(String filename, String contentType, long size) {
    }

    static CapturedEmail of(String id, MimeMessage mime, Instant receivedAt) throws MessagingException, IOException {
        List<String> to = envelope(mime);
        Address[] from = mime.getFrom();
        Body body = new Body();
        body.walk(mime);
        return new CapturedEmail(id, to, from == null || from.length == 0 ? null : address(from[0]), mime.getSubject(),
                body.text, body.html, receivedAt.toString(), List.copyOf(body.attachments));
    }

    private static List<String> envelope(MimeMessage mime) throws MessagingException {
        String header = mime.getHeader(MailCapture.ENVELOPE_HEADER, ",");
        if (header != null && !header.isBlank()) {
            return Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        Address[] recipients = mime.getRecipients(Message.RecipientType.TO);
        return recipients == null ? List.of() : Arrays.stream(recipients).map(CapturedEmail::address).toList();
    }

    private static String address(Address address) {
        return address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
    }

    private static final class Body {
        String text;
        String html;
        final List<Attachment> attachments = new ArrayList<>();

        void walk(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i));
                }
                return;
            }
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
            if (!attachment && part.isMimeType("text/plain") && text == null) {
                text = String.valueOf(part.getContent());
            } else if (!attachment && part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            } else {
                long size;
                try (InputStream in = part.getInputStream()) {
                    size = in.readAllBytes().length;
                }
                String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
                attachments.add(new Attachment(part.getFileName(), type, size));
            }
        }
    }
}
