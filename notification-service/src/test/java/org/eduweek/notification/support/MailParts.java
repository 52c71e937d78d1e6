package org.eduweek.notification.support;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

/** Walks a received multipart email: its plain text, its HTML, its .ics attachment. */
public final class MailParts {

    private MailParts() {
    }

    public static String text(Part message) throws Exception {
        return first(message, "text/plain");
    }

    public static String html(Part message) throws Exception {
        return first(message, "text/html");
    }

    public static Calendar ics(Part message) throws Exception {
        for (Part p : leaves(message)) {
            if (p.getFileName() != null && p.getFileName().endsWith(".ics")) {
                try (InputStream in = p.getInputStream()) {
                    return new CalendarBuilder().build(in);
                }
            }
        }
        return null;
    }

    private static String first(Part message, String type) throws Exception {
        for (Part p : leaves(message)) {
            if (p.isMimeType(type) && p.getFileName() == null) {
                return p.getContent().toString();
            }
        }
        return null;
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> out = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                out.addAll(leaves(bp));
            }
        } else {
            out.add(part);
        }
        return out;
    }
}
