package org.eduweek.platform.calendar;

import java.nio.charset.StandardCharsets;

/**
 * RFC 5545 §3.1: content lines SHOULD NOT be longer than 75 octets. ical4j folds by characters, so a Chinese title
 * would give lines of up to ~225 octets; this refolds by octets without splitting a UTF-8 sequence.
 */
public final class IcsFolding {

    public static final int MAX_OCTETS = 75;

    private IcsFolding() {
    }

    /** Unfolds then refolds every content line; line ends become CRLF. */
    public static String refold(String ics) {
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        StringBuilder out = new StringBuilder(unfolded.length() + 64);
        for (String line : unfolded.split("\r\n")) {
            if (!line.isEmpty()) {
                fold(line, out);
            }
        }
        return out.toString();
    }

    private static void fold(String line, StringBuilder out) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < line.length();) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
